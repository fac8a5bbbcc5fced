package ai.evo.core.persistence;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link ClientRepository} on the {@code client} table. Thread-safe. */
final class JdbiClientRepository implements ClientRepository {
    private static final String COLUMNS = "id, name, email, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO client (id, name, email)
            VALUES (:id, :name, :email)
            RETURNING id, name, email, created_at, updated_at
            """;
    private static final String FIND = "SELECT " + COLUMNS + " FROM client WHERE id = :id";
    private static final String UPDATE = """
            UPDATE client SET name = :name, email = :email
            WHERE id = :id
            RETURNING id, name, email, created_at, updated_at
            """;
    private static final String DELETE = "DELETE FROM client WHERE id = :id";
    private static final String LIST = "SELECT " + COLUMNS + " FROM client WHERE TRUE";

    private static final RowMapper<Client> MAPPER = (rows, context) -> new Client(
            new ClientId(rows.getObject("id", java.util.UUID.class)),
            new ClientDetails(rows.getString("name"), new EmailAddress(rows.getString("email"))),
            Timestamps.instant(rows, "created_at"),
            Timestamps.instant(rows, "updated_at"));

    private final Database database;

    JdbiClientRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Client insert(ClientId id, ClientDetails details) {
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "client_pkey", () -> new ConflictException("a client with id " + id + " already exists"));
        return database.write(fields(details), constraints, handle -> handle.createQuery(INSERT)
                .bind("id", id.value())
                .bind("name", details.name())
                .bind("email", details.email().value())
                .map(MAPPER)
                .one());
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return database.execute(handle -> handle.createQuery(FIND).bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public Optional<Client> findByIdForUpdate(ClientId id) {
        return database.execute(handle -> handle.createQuery(FIND + " FOR UPDATE")
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<Client> update(ClientId id, ClientDetails details) {
        return database.write(fields(details), Map.of(), handle -> handle.createQuery(UPDATE)
                .bind("id", id.value())
                .bind("name", details.name())
                .bind("email", details.email().value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public boolean delete(ClientId id) {
        return database.execute(handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute() > 0);
    }

    @Override
    public Page<Client> list(PageRequest page) {
        String sql = LIST + Keyset.after(page, "") + " ORDER BY created_at, id LIMIT :limit";
        return Page.fromLookahead(
                database.execute(handle -> Keyset.bind(handle.createQuery(sql), page).map(MAPPER).list()),
                page,
                client -> new Cursor(client.createdAt(), client.id().value()));
    }

    private static WriteFields fields(ClientDetails details) {
        return new WriteFields()
                .with("name", details.name(), ClientDetails.MAX_NAME_LENGTH)
                .with("email", details.email().value(), EmailAddress.MAX_LENGTH);
    }
}
