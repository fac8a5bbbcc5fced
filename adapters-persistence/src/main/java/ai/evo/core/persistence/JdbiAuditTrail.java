package ai.evo.core.persistence;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.user.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link AuditTrail} on the {@code audit_log} table. The tenant of an entry is {@code client_id}, a column
 * without foreign key, so a client's trail outlives the client. Thread-safe.
 */
final class JdbiAuditTrail implements AuditTrail {
    private static final String COLUMNS = """
            id, user_id, client_id, action, resource_type, resource_id, details, ip_address, user_agent, created_at""";

    private static final String INSERT = """
            INSERT INTO audit_log (id, user_id, client_id, action, resource_type, resource_id, details, ip_address,
                                   user_agent)
            VALUES (:id, :userId, :clientId, :action, :resourceType, :resourceId, CAST(:details AS jsonb),
                    :ipAddress, :userAgent)
            RETURNING\s""" + COLUMNS;
    private static final String LIST = "SELECT " + COLUMNS + " FROM audit_log WHERE TRUE";

    private final Database database;
    private final JsonCodec json;
    private final RowMapper<AuditEntry> mapper;

    JdbiAuditTrail(Database database, JsonCodec json) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.mapper = (rows, context) -> {
            UUID userId = rows.getObject("user_id", UUID.class);
            UUID clientId = rows.getObject("client_id", UUID.class);
            return new AuditEntry(
                    rows.getObject("id", UUID.class),
                    userId == null ? null : new UserId(userId),
                    clientId == null ? null : new ClientId(clientId),
                    AuditAction.valueOf(rows.getString("action")),
                    ResourceType.valueOf(rows.getString("resource_type")),
                    rows.getObject("resource_id", UUID.class),
                    this.json.readMap("audit_log.details", rows.getString("details")),
                    new RequestOrigin(rows.getString("ip_address"), rows.getString("user_agent")),
                    Timestamps.instant(rows, "created_at"));
        };
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "audit_log_pkey",
                () -> new ConflictException("an audit entry with id " + entry.id() + " already exists"),
                "audit_log_user_id_fkey", () -> new NotFoundException("user"));
        WriteFields fields = new WriteFields()
                .with("details", entry.details())
                .with("ip_address", entry.origin().ipAddress(), RequestOrigin.MAX_IP_LENGTH)
                .with("user_agent", entry.origin().userAgent());
        String details = json.write("details", entry.details());
        return database.write(fields, constraints, handle -> handle.createQuery(INSERT)
                .bind("id", entry.id())
                .bind("userId", entry.userId() == null ? null : entry.userId().value())
                .bind("clientId", entry.clientId() == null ? null : entry.clientId().value())
                .bind("action", entry.action().name())
                .bind("resourceType", entry.resourceType().name())
                .bind("resourceId", entry.resourceId())
                .bind("details", details)
                .bind("ipAddress", entry.origin().ipAddress())
                .bind("userAgent", entry.origin().userAgent())
                .map(mapper)
                .one());
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        StringBuilder sql = new StringBuilder(LIST);
        query.clientId().ifPresent(value -> sql.append(" AND client_id = :clientId"));
        query.userId().ifPresent(value -> sql.append(" AND user_id = :userId"));
        query.action().ifPresent(value -> sql.append(" AND action = :action"));
        query.resourceType().ifPresent(value -> sql.append(" AND resource_type = :resourceType"));
        query.resourceId().ifPresent(value -> sql.append(" AND resource_id = :resourceId"));
        query.from().ifPresent(value -> sql.append(" AND created_at >= :from"));
        query.to().ifPresent(value -> sql.append(" AND created_at < :to"));
        sql.append(Keyset.before(page, "")).append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        return Page.fromLookahead(
                database.execute(handle -> bindFilters(Keyset.bind(handle.createQuery(sql.toString()), page), query)
                        .map(mapper)
                        .list()),
                page,
                entry -> new Cursor(entry.createdAt(), entry.id()));
    }

    private static Query bindFilters(Query statement, AuditQuery query) {
        query.clientId().ifPresent(value -> statement.bind("clientId", value.value()));
        query.userId().ifPresent(value -> statement.bind("userId", value.value()));
        query.action().ifPresent(value -> statement.bind("action", value.name()));
        query.resourceType().ifPresent(value -> statement.bind("resourceType", value.name()));
        query.resourceId().ifPresent(value -> statement.bind("resourceId", value));
        query.from().ifPresent(value -> statement.bind("from", Timestamps.offset(value)));
        query.to().ifPresent(value -> statement.bind("to", Timestamps.offset(value)));
        return statement;
    }
}
