package ai.evo.core.application.audit;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the audit trail. Admins read the whole trail; a client's users read only their own client's entries.
 * Thread-safe.
 */
public final class AuditLogService {
    private final AuditTrail trail;

    /**
     * Creates the service.
     *
     * @param trail the audit store
     */
    public AuditLogService(AuditTrail trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
    }

    /**
     * Lists entries of the whole platform, newest first. Admins only.
     *
     * @param caller who acts
     * @param query  the filters
     * @param page   which page to read
     * @return the page
     */
    public Page<AuditEntry> listAll(Caller caller, AuditQuery query, PageRequest page) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may read the platform audit trail");
        }
        return trail.list(query, page);
    }

    /**
     * Lists one client's entries, newest first.
     *
     * @param caller   who acts
     * @param clientId the client whose trail to read
     * @param query    further filters; its own client filter is replaced
     * @param page     which page to read
     * @return the page
     * @throws NotFoundException when the caller may not see the client
     */
    public Page<AuditEntry> listForClient(Caller caller, ClientId clientId, AuditQuery query, PageRequest page) {
        if (!caller.canSee(clientId)) {
            throw new NotFoundException("client");
        }
        AuditQuery scoped = new AuditQuery(Optional.of(clientId), query.userId(), query.action(),
                query.resourceType(), query.resourceId(), query.from(), query.to());
        return trail.list(scoped, page);
    }
}
