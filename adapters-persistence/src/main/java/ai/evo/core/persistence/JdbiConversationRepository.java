package ai.evo.core.persistence;

import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link ConversationRepository} on the {@code conversation} table. A conversation has no client column, so
 * every read joins its contact and filters on the contact's {@code client_id}. Thread-safe.
 */
final class JdbiConversationRepository implements ConversationRepository {
    private static final String COLUMNS = "id, agent_id, contact_id, message, response, meta, created_at";
    private static final String PREFIXED_COLUMNS = """
            cv.id, cv.agent_id, cv.contact_id, cv.message, cv.response, cv.meta, cv.created_at""";

    /*
     * The row is inserted only when the agent and the contact belong to the same client, so a conversation can
     * never link two tenants. No row inserted means one of them is missing or they belong to different clients.
     */
    private static final String INSERT = """
            INSERT INTO conversation (id, agent_id, contact_id, message, response, meta)
            SELECT :id, a.id, c.id, :message, :response, CAST(:meta AS jsonb)
            FROM agent a JOIN contact c ON c.client_id = a.client_id
            WHERE a.id = :agentId AND c.id = :contactId
            RETURNING\s""" + COLUMNS;
    private static final String CONTACT_EXISTS = "SELECT EXISTS (SELECT 1 FROM contact WHERE id = :contactId)";
    private static final String FIND = "SELECT " + PREFIXED_COLUMNS + """
             FROM conversation cv JOIN contact c ON c.id = cv.contact_id
            WHERE c.client_id = :clientId AND cv.id = :id
            """;
    private static final String LIST_BY_CONTACT = "SELECT " + PREFIXED_COLUMNS + """
             FROM conversation cv JOIN contact c ON c.id = cv.contact_id
            WHERE c.client_id = :clientId AND cv.contact_id = :contactId""";

    private final Database database;
    private final JsonCodec json;
    private final RowMapper<Conversation> mapper;

    JdbiConversationRepository(Database database, JsonCodec json) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.mapper = (rows, context) -> new Conversation(
                new ConversationId(rows.getObject("id", UUID.class)),
                new AgentId(rows.getObject("agent_id", UUID.class)),
                new ContactId(rows.getObject("contact_id", UUID.class)),
                rows.getString("message"),
                rows.getString("response"),
                this.json.readMap("conversation.meta", rows.getString("meta")),
                Timestamps.instant(rows, "created_at"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws NotFoundException for {@code contact} when the contact does not exist, and for {@code agent} when
     *                           the agent does not exist or belongs to another client than the contact
     */
    @Override
    public Conversation insert(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "conversation_pkey",
                () -> new ConflictException("a conversation with id " + conversation.id() + " already exists"),
                "conversation_agent_id_fkey", () -> new NotFoundException("agent"),
                "conversation_contact_id_fkey", () -> new NotFoundException("contact"));
        WriteFields fields = new WriteFields()
                .with("message", conversation.message())
                .with("response", conversation.response())
                .with("meta", conversation.meta());
        String meta = json.write("meta", conversation.meta());
        return database.write(fields, constraints, handle -> {
            Optional<Conversation> inserted = handle.createQuery(INSERT)
                    .bind("id", conversation.id().value())
                    .bind("agentId", conversation.agentId().value())
                    .bind("contactId", conversation.contactId().value())
                    .bind("message", conversation.message())
                    .bind("response", conversation.response())
                    .bind("meta", meta)
                    .map(mapper)
                    .findOne();
            if (inserted.isPresent()) {
                return inserted.get();
            }
            boolean contactExists = handle.createQuery(CONTACT_EXISTS)
                    .bind("contactId", conversation.contactId().value())
                    .mapTo(Boolean.class)
                    .one();
            throw new NotFoundException(contactExists ? "agent" : "contact");
        });
    }

    @Override
    public Optional<Conversation> findById(ClientId clientId, ConversationId id) {
        return database.execute(handle -> handle.createQuery(FIND)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .map(mapper)
                .findOne());
    }

    @Override
    public Page<Conversation> listByContact(ClientId clientId, ContactId contactId, PageRequest page) {
        String sql = LIST_BY_CONTACT + Keyset.before(page, "cv.")
                + " ORDER BY cv.created_at DESC, cv.id DESC LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page)
                        .bind("clientId", clientId.value())
                        .bind("contactId", contactId.value())
                        .map(mapper)
                        .list()),
                page,
                conversation -> new Cursor(conversation.createdAt(), conversation.id().value()));
    }
}
