package ai.evo.core.persistence;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

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
    private static final String LIST = "SELECT " + COLUMNS + " FROM agent WHERE client_id = :clientId";

    private final Database database;
    private final JsonCodec json;
    private final SecretCipher cipher;
    private final RowMapper<Agent> mapper;

    JdbiAgentRepository(Database database, JsonCodec json, SecretCipher cipher) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
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
                    this.json.readMap("agent.config_json", rows.getString("config_json")),
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
    public Page<Agent> list(ClientId clientId, PageRequest page) {
        String sql = LIST + Keyset.after(page, "") + " ORDER BY created_at, id LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page)
                        .bind("clientId", clientId.value())
                        .map(mapper)
                        .list()),
                page,
                agent -> new Cursor(agent.createdAt(), agent.id().value()));
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
                .bind("configJson", json.write("config_json", agent.configJson()));
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
