package ai.evo.core.application.shared;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.IdGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes audit entries with a uniform shape: {@code details} holds {@code before} and {@code after} snapshots
 * of the resource. Call it inside the use case's transaction so the entry commits with the change. Thread-safe.
 */
public final class AuditRecorder {
    private final AuditTrail trail;
    private final IdGenerator ids;

    /**
     * Creates a recorder.
     *
     * @param trail where entries are appended
     * @param ids   source of entry ids
     */
    public AuditRecorder(AuditTrail trail, IdGenerator ids) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Records a change to a resource.
     *
     * @param caller       who acted
     * @param action       what was done
     * @param resourceType the kind of resource
     * @param resourceId   the resource, or null
     * @param tenant       the tenant whose trail gets the entry, or null for platform-wide resources
     * @param before       the snapshot before the change, or null for a creation
     * @param after        the snapshot after the change, or null for a deletion
     */
    public void recordChange(Caller caller, AuditAction action, ResourceType resourceType, UUID resourceId,
                             ClientId tenant, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        record(caller, action, resourceType, resourceId, tenant, details);
    }

    /**
     * Records an event with free-form details, such as a failed login.
     *
     * @param caller       who acted
     * @param action       what happened
     * @param resourceType the kind of resource
     * @param resourceId   the resource, or null
     * @param tenant       the tenant whose trail gets the entry, or null
     * @param details      JSON-compatible details; never secrets
     */
    public void record(Caller caller, AuditAction action, ResourceType resourceType, UUID resourceId,
                       ClientId tenant, Map<String, Object> details) {
        trail.append(new NewAuditEntry(ids.newId(), caller.userId(), tenant, action, resourceType, resourceId,
                details, caller.origin()));
    }
}
