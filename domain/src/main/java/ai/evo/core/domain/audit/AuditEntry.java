package ai.evo.core.domain.audit;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored audit entry. Entries are only ever appended.
 *
 * @param id           the identifier
 * @param userId       who acted, or null
 * @param clientId     the tenant whose trail holds the entry, or null for platform-wide actions
 * @param action       what was done
 * @param resourceType the kind of resource affected
 * @param resourceId   the resource affected, or null
 * @param details      JSON-compatible detail
 * @param origin       where the request came from
 * @param createdAt    when the entry was written
 */
public record AuditEntry(
        UUID id,
        UserId userId,
        ClientId clientId,
        AuditAction action,
        ResourceType resourceType,
        UUID resourceId,
        Map<String, Object> details,
        RequestOrigin origin,
        Instant createdAt) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
