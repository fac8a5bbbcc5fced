package ai.evo.core.http;

import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.user.UserId;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit-log routes: the whole platform's trail for admins, and one client's trail for its users and admins.
 * Entries are listed newest first.
 */
final class AuditLogRoutes {
    static final String USER_ID = "user_id";
    static final String ACTION = "action";
    static final String RESOURCE_TYPE = "resource_type";
    static final String RESOURCE_ID = "resource_id";
    static final String FROM = "from";
    static final String TO = "to";

    private static final List<String> PARAMETERS =
            List.of(Paging.LIMIT, Paging.CURSOR, USER_ID, ACTION, RESOURCE_TYPE, RESOURCE_ID, FROM, TO);

    private final AuditLogService auditLog;
    private final Json json;
    private final Paging paging;

    AuditLogRoutes(AuditLogService auditLog, Json json, Paging paging) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** An audit entry as the API shows it. */
    record AuditEntryView(UUID id,
                          @JsonProperty("user_id") UUID userId,
                          @JsonProperty("client_id") UUID clientId,
                          String action,
                          @JsonProperty("resource_type") String resourceType,
                          @JsonProperty("resource_id") UUID resourceId,
                          Map<String, Object> details,
                          @JsonProperty("ip_address") String ipAddress,
                          @JsonProperty("user_agent") String userAgent,
                          @JsonProperty("created_at") Instant createdAt) {

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id(),
                    entry.userId() == null ? null : entry.userId().value(),
                    entry.clientId() == null ? null : entry.clientId().value(),
                    entry.action().name(), entry.resourceType().name(), entry.resourceId(), entry.details(),
                    entry.origin().ipAddress(), entry.origin().userAgent(), entry.createdAt());
        }
    }

    /** {@code GET /api/v1/admin/audit-logs}: the whole trail, for admins only. */
    void listAll(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, PARAMETERS);
        AuditQuery filters = filters(query);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        respond(ctx, query, auditLog.listAll(caller, filters, page));
    }

    /** {@code GET /api/v1/clients/{id}/audit-logs}: one client's trail. */
    void listForClient(Context ctx, Caller caller) {
        ClientId clientId = new ClientId(PathParameters.uuid(ctx, ClientRoutes.ID));
        QueryParameters query = QueryParameters.of(ctx, PARAMETERS);
        AuditQuery filters = filters(query);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        respond(ctx, query, auditLog.listForClient(caller, clientId, filters, page));
    }

    private void respond(Context ctx, QueryParameters query, Page<AuditEntry> result) {
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(AuditEntryView::of).toList());
    }

    private static AuditQuery filters(QueryParameters query) {
        Optional<UUID> userId = query.uuid(USER_ID);
        Optional<AuditAction> action = query.enumValue(ACTION, AuditAction.class);
        Optional<ResourceType> resourceType = query.enumValue(RESOURCE_TYPE, ResourceType.class);
        Optional<UUID> resourceId = query.uuid(RESOURCE_ID);
        Optional<Instant> from = query.instant(FROM);
        Optional<Instant> to = query.instant(TO);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            query.reject(TO, "must not be before from");
        }
        return new AuditQuery(Optional.empty(), userId.map(UserId::new), action, resourceType, resourceId, from, to);
    }
}
