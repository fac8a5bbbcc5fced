package ai.evo.core.domain.audit;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Filters for reading the audit trail. Every present filter must match.
 *
 * @param clientId     only entries of this tenant
 * @param userId       only entries by this user
 * @param action       only this action
 * @param resourceType only this kind of resource
 * @param resourceId   only this resource
 * @param from         only entries written at or after this time
 * @param to           only entries written before this time
 */
public record AuditQuery(
        Optional<ClientId> clientId,
        Optional<UserId> userId,
        Optional<AuditAction> action,
        Optional<ResourceType> resourceType,
        Optional<UUID> resourceId,
        Optional<Instant> from,
        Optional<Instant> to) {

    /** Returns a query with no filter. */
    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
