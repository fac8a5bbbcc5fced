package ai.evo.core.domain.user;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user account as stored.
 *
 * @param id                  the identifier
 * @param email               the normalized sign-in address, unique across all users
 * @param passwordHash        the bcrypt hash; never the password
 * @param clientId            the organization the user belongs to, or null for a platform admin without one
 * @param active              whether the user may sign in
 * @param emailVerified       whether the user proved it owns the address
 * @param admin               whether the user administers the whole platform
 * @param failedLoginAttempts login attempts counted since the last success or lock expiry
 * @param lockedUntil         until when sign-in is refused, or null when not locked
 * @param createdAt           when the row was inserted
 * @param updatedAt           when the row last changed
 */
public record User(
        UserId id,
        EmailAddress email,
        String passwordHash,
        ClientId clientId,
        boolean active,
        boolean emailVerified,
        boolean admin,
        int failedLoginAttempts,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Returns the organization the user belongs to, if any. */
    public Optional<ClientId> client() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Tells whether sign-in is refused at a given time because of too many failed attempts.
     *
     * @param now the time to judge
     * @return whether the lock is still in force
     */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", clientId=" + clientId + ", active=" + active
                + ", admin=" + admin + "]";
    }
}
