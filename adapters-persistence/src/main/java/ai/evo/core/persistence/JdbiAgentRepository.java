package ai.evo.core.persistence;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentQuery;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.ToolId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AgentRepository} on the {@code agent} table. Every statement filters on {@code client_id}, so one
 * tenant never reaches another's agents. The API key is stored encrypted, bound to its row. Thread-safe.
 */
final class JdbiAgentRepository implements AgentRepository {
    /** Length limit of the {@code varchar(255)} columns, in characters. */
    private static final int MAX_TEXT_LENGTH = 255;
    private static final String TABLE = "agent";
    private static final String API_KEY = "api_key";
    private static final String COLUMNS = """
            id, client_id, name, description, type, model, api_key, instruction, config_json, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO agent (id, client_id, name, description, type, model, api_key, instruction, config_json)
            VALUES (:id, :clientId, :name, :description, :type, :model, :apiKey, :instruction,
                    CAST(:configJson AS jsonb))
            RETURNING\s""" + COLUMNS;
    private static final String FIND = "SELECT " + COLUMNS + " FROM agent WHERE client_id = :clientId AND id = :id";
    private static final String UPDATE = """
            UPDATE agent SET name = :name, description = :description, type = :type, model = :model,
                             api_key = :apiKey, instruction = :instruction, config_json = CAST(:configJson AS jsonb)
            WHERE client_id = :clientId AND id = :id
            RETURNING\s""" + COLUMNS;
    private static final String DELETE = "DELETE FROM agent WHERE client_id = :clientId AND id = :id";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String FIND_OWNER = "SELECT client_id FROM agent WHERE id = :id";
    private static final String FIND_CONTAINING = "SELECT " + COLUMNS + " FROM agent WHERE config_json @> CAST(:probe AS jsonb)";
    private static final String LIST = "SELECT " + COLUMNS + " FROM agent WHERE TRUE";
    private static final Logger log = LoggerFactory.getLogger(JdbiAgentRepository.class);

    private final Database database;
    private final JsonCodec json;
    private final SecretCipher cipher;
    private final JsonSecrets secrets;
    private final RowMapper<Agent> mapper;

    JdbiAgentRepository(Database database, JsonCodec json, SecretCipher cipher, JsonSecrets secrets) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.mapper = (rows, context) -> {
            UUID id = rows.getObject("id", UUID.class);
            String storedKey = rows.getString("api_key");
            String type = rows.getString("type");
            return new Agent(
                    new AgentId(id),
                    new ClientId(rows.getObject("client_id", UUID.class)),
                    rows.getString("name"),
                    rows.getString("description"),
                    AgentType.fromWireName(type).orElseThrow(() -> new IllegalStateException(
                            "agent " + id + " has the unknown type " + type)),
                    rows.getString("model"),
                    storedKey == null ? null : this.cipher.decrypt(TABLE, id, API_KEY, storedKey),
                    rows.getString("instruction"),
                    this.secrets.decryptAgentConfig(id, this.json.readMap("agent.config_json",
                            rows.getString("config_json"))),
                    Timestamps.instant(rows, "created_at"),
                    Timestamps.instant(rows, "updated_at"));
        };
    }

    @Override
    public Agent insert(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "agent_pkey", () -> new ConflictException("an agent with id " + agent.id() + " already exists"),
                "uq_agent_client_id_name", () -> nameTaken(agent),
                "agent_client_id_fkey", () -> new NotFoundException("client"));
        return database.write(fields(agent), constraints,
                handle -> bindFields(handle.createQuery(INSERT), agent).map(mapper).one());
    }

    // NOTE: only list() skips a row it cannot read. Reading, updating or deleting such a row by id, and the
    // reference lookups, still fail with 500 until the row is repaired in the database.
    @Override
    public Optional<Agent> findById(ClientId clientId, AgentId id) {
        return database.execute(handle -> handle.createQuery(FIND)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .map(mapper)
                .findOne());
    }

    @Override
    public Optional<Agent> update(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "uq_agent_client_id_name", () -> nameTaken(agent));
        return database.write(fields(agent), constraints,
                handle -> bindFields(handle.createQuery(UPDATE), agent).map(mapper).findOne());
    }

    @Override
    public boolean delete(ClientId clientId, AgentId id) {
        return database.execute(handle -> handle.createUpdate(DELETE)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .execute() > 0);
    }

    @Override
    public Optional<Agent> findByIdForUpdate(ClientId clientId, AgentId id) {
        return database.execute(handle -> handle.createQuery(FIND_FOR_UPDATE)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .map(mapper)
                .findOne());
    }

    @Override
    public Optional<ClientId> findOwner(AgentId id) {
        return database.execute(handle -> handle.createQuery(FIND_OWNER)
                .bind("id", id.value())
                .mapTo(UUID.class)
                .findOne()
                .map(ClientId::new));
    }

    @Override
    public List<Agent> findBySubAgent(ClientId clientId, AgentId subAgent) {
        String probe = json.write("probe", Map.of("sub_agents", List.of(subAgent.toString())));
        return database.execute(handle -> handle.createQuery(FIND_CONTAINING + " AND client_id = :clientId"
                        + " ORDER BY created_at, id")
                .bind("probe", probe)
                .bind("clientId", clientId.value())
                .map(mapper)
                .list());
    }

    @Override
    public List<Agent> findByTool(ToolId tool) {
        return findContaining("tools", tool.toString());
    }

    @Override
    public List<Agent> findByMcpServer(McpServerId server) {
        return findContaining("mcp_servers", server.toString());
    }

    /**
     * Finds the agents of every client whose {@code config_json.<listName>} has an item with the id. The
     * containment test ({@code @>}) uses the GIN index on {@code config_json}.
     */
    private List<Agent> findContaining(String listName, String id) {
        String probe = json.write("probe", Map.of(listName, List.of(Map.of("id", id))));
        return database.execute(handle -> handle.createQuery(FIND_CONTAINING + " ORDER BY created_at, id")
                .bind("probe", probe)
                .map(mapper)
                .list());
    }

    /**
     * Lists agents. A row that cannot be read is left out of the page and logged at ERROR with its id, so one
     * bad row never fails the whole listing. Such rows have a type this version does not know, or a secret that
     * fails to decrypt. Such a page may hold fewer items than the limit while a next page still exists.
     */
    @Override
    public Page<Agent> list(AgentQuery query, PageRequest page) {
        StringBuilder sql = new StringBuilder(LIST);
        query.clients().ifPresent(clients -> sql.append(" AND client_id = ANY(:clientIds)"));
        query.type().ifPresent(type -> sql.append(" AND type = :type"));
        query.namePrefix().ifPresent(prefix -> sql.append(" AND starts_with(name, :namePrefix)"));
        sql.append(Keyset.after(page, "")).append(" ORDER BY created_at, id LIMIT :limit");
        List<Readable> rows = database.execute(handle -> {
            Query statement = Keyset.bind(handle.createQuery(sql.toString()), page);
            query.clients().ifPresent(clients -> statement.bindArray("clientIds", UUID.class,
                    clients.stream().map(ClientId::value).toList()));
            query.type().ifPresent(type -> statement.bind("type", type.wireName()));
            query.namePrefix().ifPresent(prefix -> statement.bind("namePrefix", prefix));
            return statement.map(this::readable).list();
        });
        Page<Readable> raw = Page.fromLookahead(rows, page, row -> new Cursor(row.createdAt(), row.id()));
        List<Agent> agents = raw.items().stream().filter(row -> row.agent() != null).map(Readable::agent).toList();
        return new Page<>(agents, raw.next());
    }

    /** A listed row: its keyset position, and the agent unless the row could not be read. */
    private record Readable(UUID id, Instant createdAt, Agent agent) {
    }

    private Readable readable(ResultSet rows, StatementContext context) throws SQLException {
        UUID id = rows.getObject("id", UUID.class);
        Instant createdAt = Timestamps.instant(rows, "created_at");
        try {
            return new Readable(id, createdAt, mapper.map(rows, context));
        } catch (RuntimeException e) {
            log.error("Skipped unreadable agent {} of client {} in a listing: {}", id,
                    rows.getObject("client_id", UUID.class), e.getMessage());
            return new Readable(id, createdAt, null);
        }
    }

    private Query bindFields(Query query, Agent agent) {
        Secret apiKey = agent.apiKey();
        return query
                .bind("id", agent.id().value())
                .bind("clientId", agent.clientId().value())
                .bind("name", agent.name())
                .bind("description", agent.description())
                .bind("type", agent.type().wireName())
                .bind("model", agent.model())
                .bind("apiKey", apiKey == null ? null : cipher.encrypt(TABLE, agent.id().value(), API_KEY, apiKey))
                .bind("instruction", agent.instruction())
                .bind("configJson", json.write("config_json",
                        secrets.encryptAgentConfig(agent.id().value(), agent.configJson())));
    }

    private static ConflictException nameTaken(Agent agent) {
        return new ConflictException("an agent named " + agent.name() + " already exists for this client");
    }

    /**
     * Lists the fields an encoding error may come from. Errors name a field and a code point, never the value,
     * so the API key can be checked too: an unpaired surrogate in it would otherwise be lost in encryption.
     */
    private static WriteFields fields(Agent agent) {
        return new WriteFields()
                .with("name", agent.name(), MAX_TEXT_LENGTH)
                .with("api_key", agent.apiKey() == null ? null : agent.apiKey().reveal())
                .with("description", agent.description())
                .with("model", agent.model(), MAX_TEXT_LENGTH)
                .with("instruction", agent.instruction())
                .with("config_json", agent.configJson());
    }
}
