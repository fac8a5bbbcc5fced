package ai.evo.core.http;

import ai.evo.core.domain.user.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A user account as the API shows it. It never contains the password hash.
 *
 * @param id                  the account
 * @param email               the normalized email
 * @param clientId            the organization, or null for an admin without one
 * @param active              whether the account may sign in
 * @param emailVerified       whether the email was verified
 * @param admin               whether the account administers the platform
 * @param failedLoginAttempts failed logins counted since the last success or lock
 * @param lockedUntil         until when sign-in is rejected, or null
 * @param createdAt           when the account was created
 * @param updatedAt           when the account last changed
 */
record UserView(UUID id, String email,
                @JsonProperty("client_id") UUID clientId,
                @JsonProperty("is_active") boolean active,
                @JsonProperty("email_verified") boolean emailVerified,
                @JsonProperty("is_admin") boolean admin,
                @JsonProperty("failed_login_attempts") int failedLoginAttempts,
                @JsonProperty("locked_until") Instant lockedUntil,
                @JsonProperty("created_at") Instant createdAt,
                @JsonProperty("updated_at") Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(user.id().value(), user.email().value(),
                user.clientId() == null ? null : user.clientId().value(), user.active(), user.emailVerified(),
                user.admin(), user.failedLoginAttempts(), user.lockedUntil(), user.createdAt(), user.updatedAt());
    }
}
