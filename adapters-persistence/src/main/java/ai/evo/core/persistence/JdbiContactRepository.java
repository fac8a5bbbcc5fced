package ai.evo.core.persistence;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link ContactRepository} on the {@code contact} table. Every statement filters on {@code client_id}, so one
 * tenant never reaches another's contacts. Thread-safe.
 */
final class JdbiContactRepository implements ContactRepository {
    /** Length limit of the {@code varchar(255)} columns, in characters. */
    private static final int MAX_TEXT_LENGTH = 255;
    private static final String COLUMNS = "id, client_id, ext_id, name, meta, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO contact (id, client_id, ext_id, name, meta)
            VALUES (:id, :clientId, :extId, :name, CAST(:meta AS jsonb))
            RETURNING\s""" + COLUMNS;
    private static final String FIND = "SELECT " + COLUMNS + " FROM contact WHERE client_id = :clientId AND id = :id";
    // ext_id is not unique, so the oldest contact with the channel id wins.
    private static final String FIND_BY_EXT_ID = "SELECT " + COLUMNS + """
             FROM contact WHERE client_id = :clientId AND ext_id = :extId
            ORDER BY created_at, id
            LIMIT 1
            """;
    private static final String UPDATE = """
            UPDATE contact SET ext_id = :extId, name = :name, meta = CAST(:meta AS jsonb)
            WHERE client_id = :clientId AND id = :id
            RETURNING\s""" + COLUMNS;
    private static final String DELETE = "DELETE FROM contact WHERE client_id = :clientId AND id = :id";
    private static final String LIST = "SELECT " + COLUMNS + " FROM contact WHERE client_id = :clientId";

    private final Database database;
    private final JsonCodec json;
    private final RowMapper<Contact> mapper;

    JdbiContactRepository(Database database, JsonCodec json) {
        this.database = Objects.requireNonNull(database, "database");
        this.json = Objects.requireNonNull(json, "json");
        this.mapper = (rows, context) -> new Contact(
                new ContactId(rows.getObject("id", UUID.class)),
                new ClientId(rows.getObject("client_id", UUID.class)),
                rows.getString("ext_id"),
                rows.getString("name"),
                this.json.readMap("contact.meta", rows.getString("meta")),
                Timestamps.instant(rows, "created_at"),
                Timestamps.instant(rows, "updated_at"));
    }

    @Override
    public Contact insert(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "contact_pkey", () -> new ConflictException("a contact with id " + contact.id() + " already exists"),
                "contact_client_id_fkey", () -> new NotFoundException("client"));
        return database.write(fields(contact), constraints, handle -> handle.createQuery(INSERT)
                .bind("id", contact.id().value())
                .bind("clientId", contact.clientId().value())
                .bind("extId", contact.extId())
                .bind("name", contact.name())
                .bind("meta", json.write("meta", contact.meta()))
                .map(mapper)
                .one());
    }

    @Override
    public Optional<Contact> findById(ClientId clientId, ContactId id) {
        return database.execute(handle -> handle.createQuery(FIND)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .map(mapper)
                .findOne());
    }

    @Override
    public Optional<Contact> findByExtId(ClientId clientId, String extId) {
        Objects.requireNonNull(extId, "extId");
        // Runs as a write so that U+0000 in the lookup value becomes a ValidationException naming ext_id.
        WriteFields fields = new WriteFields().with("ext_id", extId, MAX_TEXT_LENGTH);
        return database.write(fields, Map.of(), handle -> handle.createQuery(FIND_BY_EXT_ID)
                .bind("clientId", clientId.value())
                .bind("extId", extId)
                .map(mapper)
                .findOne());
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return database.write(fields(contact), Map.of(), handle -> handle.createQuery(UPDATE)
                .bind("id", contact.id().value())
                .bind("clientId", contact.clientId().value())
                .bind("extId", contact.extId())
                .bind("name", contact.name())
                .bind("meta", json.write("meta", contact.meta()))
                .map(mapper)
                .findOne());
    }

    @Override
    public boolean delete(ClientId clientId, ContactId id) {
        return database.execute(handle -> handle.createUpdate(DELETE)
                .bind("clientId", clientId.value())
                .bind("id", id.value())
                .execute() > 0);
    }

    @Override
    public Page<Contact> list(ClientId clientId, PageRequest page) {
        String sql = LIST + Keyset.after(page, "") + " ORDER BY created_at, id LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page)
                        .bind("clientId", clientId.value())
                        .map(mapper)
                        .list()),
                page,
                contact -> new Cursor(contact.createdAt(), contact.id().value()));
    }

    private static WriteFields fields(Contact contact) {
        return new WriteFields()
                .with("ext_id", contact.extId(), MAX_TEXT_LENGTH)
                .with("name", contact.name(), MAX_TEXT_LENGTH)
                .with("meta", contact.meta());
    }
}
