package ai.evo.core.persistence;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.domain.tool.ToolRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** {@link ToolRepository} on the {@code tool} table, a catalog shared by all tenants. Thread-safe. */
final class JdbiToolRepository implements ToolRepository {
    /** Length limit of the {@code varchar(255)} columns, in characters. */
    private static final int MAX_TEXT_LENGTH = 255;
    private static final String COLUMNS = "id, name, description, config_json, environments, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO tool (id, name, description, config_json, environments)
            VALUES (:id, :name, :description, CAST(:configJson AS jsonb), CAST(:environments AS jsonb))
            RETURNING\s""" + COLUMNS;
    private static final String FIND = "SELECT " + COLUMNS + " FROM tool WHERE id = :id";
    private static final String UPDATE = """
            UPDATE tool SET name = :name, description = :description, config_json = CAST(:configJson AS jsonb),
                            environments = CAST(:environments AS jsonb)
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String DELETE = "DELETE FROM tool WHERE id = :id";
    private static final String LIST = "SELECT " + COLUMNS + " FROM tool WHERE TRUE";

    private final Database database;
    private final JsonCodec json;
    private final RowMapper<Tool> mapper;

    JdbiToolRepository(Database database, JsonCodec json) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.mapper = (rows, context) -> new Tool(
                new ToolId(rows.getObject("id", UUID.class)),
                rows.getString("name"),
                rows.getString("description"),
                this.json.readMap("tool.config_json", rows.getString("config_json")),
                this.json.readMap("tool.environments", rows.getString("environments")),
                Timestamps.instant(rows, "created_at"),
                Timestamps.instant(rows, "updated_at"));
    }

    @Override
    public Tool insert(Tool tool) {
        Objects.requireNonNull(tool, "tool");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "tool_pkey", () -> new ConflictException("a tool with id " + tool.id() + " already exists"),
                "tool_name_key", () -> nameTaken(tool));
        return database.write(fields(tool), constraints,
                handle -> bindFields(handle.createQuery(INSERT), tool).map(mapper).one());
    }

    @Override
    public Optional<Tool> findById(ToolId id) {
        return database.execute(handle -> handle.createQuery(FIND).bind("id", id.value()).map(mapper).findOne());
    }

    @Override
    public Optional<Tool> update(Tool tool) {
        Objects.requireNonNull(tool, "tool");
        return database.write(fields(tool), Map.of("tool_name_key", () -> nameTaken(tool)),
                handle -> bindFields(handle.createQuery(UPDATE), tool).map(mapper).findOne());
    }

    @Override
    public boolean delete(ToolId id) {
        return database.execute(handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute() > 0);
    }

    @Override
    public Page<Tool> list(PageRequest page) {
        String sql = LIST + Keyset.after(page, "") + " ORDER BY created_at, id LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page).map(mapper).list()),
                page,
                tool -> new Cursor(tool.createdAt(), tool.id().value()));
    }

    private Query bindFields(Query query, Tool tool) {
        return query
                .bind("id", tool.id().value())
                .bind("name", tool.name())
                .bind("description", tool.description())
                .bind("configJson", json.write("config_json", tool.configJson()))
                .bind("environments", json.write("environments", tool.environments()));
    }

    private static ConflictException nameTaken(Tool tool) {
        return new ConflictException("a tool named " + tool.name() + " already exists");
    }

    private static WriteFields fields(Tool tool) {
        return new WriteFields()
                .with("name", tool.name(), MAX_TEXT_LENGTH)
                .with("description", tool.description())
                .with("config_json", tool.configJson())
                .with("environments", tool.environments());
    }
}
