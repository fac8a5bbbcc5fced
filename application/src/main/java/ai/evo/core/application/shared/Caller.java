package ai.evo.core.application.shared;

import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting and from where. Every use case takes the caller explicitly and derives the tenant from it,
 * never from the request body alone.
 *
 * @param userId   the signed-in user, or null for the service itself
 * @param admin    whether the caller administers the whole platform
 * @param clientId the caller's organization, or null for an admin without one
 * @param origin   where the request came from, for the audit log
 */
public record Caller(UserId userId, boolean admin, ClientId clientId, RequestOrigin origin) {

    public Caller {
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns the service itself, acting with admin rights at start-up or from a command-line task. */
    public static Caller system() {
        return new Caller(null, true, null, RequestOrigin.INTERNAL);
    }

    /** Returns the caller's organization, if it has one. */
    public Optional<ClientId> client() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Tells whether the caller may see a tenant's data: admins see every tenant, other users only their own.
     *
     * @param tenant the tenant that owns the data
     * @return whether the data is visible
     */
    public boolean canSee(ClientId tenant) {
        return admin || tenant.equals(clientId);
    }
}
