package ai.evo.core.domain.audit;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.UserId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit entry about to be appended.
 *
 * @param id           the new id
 * @param userId       who acted, or null for the service itself or an anonymous caller
 * @param clientId     the tenant whose trail the entry belongs to, or null for platform-wide actions
 * @param action       what was done
 * @param resourceType the kind of resource affected
 * @param resourceId   the resource affected, or null when there is none
 * @param details      JSON-compatible detail, usually {@code before} and {@code after} states; never secrets
 * @param origin       where the request came from
 */
public record NewAuditEntry(
        UUID id,
        UserId userId,
        ClientId clientId,
        AuditAction action,
        ResourceType resourceType,
        UUID resourceId,
        Map<String, Object> details,
        RequestOrigin origin) {

    public NewAuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(origin, "origin");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
