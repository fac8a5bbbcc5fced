package ai.evo.core.persistence;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** {@link McpServerRepository} on the {@code mcp_server} table, a catalog shared by all tenants. Thread-safe. */
final class JdbiMcpServerRepository implements McpServerRepository {
    /** Length limit of the {@code varchar(255)} columns, in characters. */
    private static final int MAX_TEXT_LENGTH = 255;
    /** Length limit of the {@code varchar(50)} type column, in characters. */
    private static final int MAX_TYPE_LENGTH = 50;
    private static final String COLUMNS =
            "id, name, description, config_json, environments, tools, type, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO mcp_server (id, name, description, config_json, environments, tools, type)
            VALUES (:id, :name, :description, CAST(:configJson AS jsonb), CAST(:environments AS jsonb),
                    CAST(:tools AS jsonb), :type)
            RETURNING\s""" + COLUMNS;
    private static final String FIND = "SELECT " + COLUMNS + " FROM mcp_server WHERE id = :id";
    private static final String UPDATE = """
            UPDATE mcp_server SET name = :name, description = :description,
                                  config_json = CAST(:configJson AS jsonb), environments = CAST(:environments AS jsonb),
                                  tools = CAST(:tools AS jsonb), type = :type
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String DELETE = "DELETE FROM mcp_server WHERE id = :id";
    private static final String LIST = "SELECT " + COLUMNS + " FROM mcp_server WHERE TRUE";

    private final Database database;
    private final JsonCodec json;
    private final RowMapper<McpServer> mapper;

    JdbiMcpServerRepository(Database database, JsonCodec json) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.mapper = (rows, context) -> new McpServer(
                new McpServerId(rows.getObject("id", UUID.class)),
                rows.getString("name"),
                rows.getString("description"),
                this.json.readMap("mcp_server.config_json", rows.getString("config_json")),
                this.json.readMap("mcp_server.environments", rows.getString("environments")),
                this.json.readList("mcp_server.tools", rows.getString("tools")),
                rows.getString("type"),
                Timestamps.instant(rows, "created_at"),
                Timestamps.instant(rows, "updated_at"));
    }

    @Override
    public McpServer insert(McpServer server) {
        Objects.requireNonNull(server, "server");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "mcp_server_pkey",
                () -> new ConflictException("an MCP server with id " + server.id() + " already exists"),
                "mcp_server_name_key", () -> nameTaken(server));
        return database.write(fields(server), constraints,
                handle -> bindFields(handle.createQuery(INSERT), server).map(mapper).one());
    }

    @Override
    public Optional<McpServer> findById(McpServerId id) {
        return database.execute(handle -> handle.createQuery(FIND).bind("id", id.value()).map(mapper).findOne());
    }

    @Override
    public Optional<McpServer> update(McpServer server) {
        Objects.requireNonNull(server, "server");
        return database.write(fields(server), Map.of("mcp_server_name_key", () -> nameTaken(server)),
                handle -> bindFields(handle.createQuery(UPDATE), server).map(mapper).findOne());
    }

    @Override
    public boolean delete(McpServerId id) {
        return database.execute(handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute() > 0);
    }

    @Override
    public Page<McpServer> list(PageRequest page) {
        String sql = LIST + Keyset.after(page, "") + " ORDER BY created_at, id LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page).map(mapper).list()),
                page,
                server -> new Cursor(server.createdAt(), server.id().value()));
    }

    private Query bindFields(Query query, McpServer server) {
        return query
                .bind("id", server.id().value())
                .bind("name", server.name())
                .bind("description", server.description())
                .bind("configJson", json.write("config_json", server.configJson()))
                .bind("environments", json.write("environments", server.environments()))
                .bind("tools", json.write("tools", server.tools()))
                .bind("type", server.type());
    }

    private static ConflictException nameTaken(McpServer server) {
        return new ConflictException("an MCP server named " + server.name() + " already exists");
    }

    private static WriteFields fields(McpServer server) {
        return new WriteFields()
                .with("name", server.name(), MAX_TEXT_LENGTH)
                .with("description", server.description())
                .with("config_json", server.configJson())
                .with("environments", server.environments())
                .with("tools", server.tools())
                .with("type", server.type(), MAX_TYPE_LENGTH);
    }
}
