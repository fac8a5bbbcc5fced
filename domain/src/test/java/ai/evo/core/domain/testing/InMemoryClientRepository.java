package ai.evo.core.domain.testing;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Client store in a map, for unit tests of the use cases. Not thread-safe. */
public final class InMemoryClientRepository implements ClientRepository {
    private final Map<ClientId, Client> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryClientRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Client insert(ClientId id, ClientDetails details) {
        Client client = new Client(id, details, clock.instant(), clock.instant());
        rows.put(id, client);
        return client;
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Client> findByIdForUpdate(ClientId id) {
        return findById(id);
    }

    @Override
    public Optional<Client> update(ClientId id, ClientDetails details) {
        return findById(id).map(old -> {
            Client updated = new Client(id, details, old.createdAt(), clock.instant());
            rows.put(id, updated);
            return updated;
        });
    }

    @Override
    public boolean delete(ClientId id) {
        return rows.remove(id) != null;
    }

    @Override
    public Page<Client> list(PageRequest page) {
        Comparator<Client> order = Comparator.comparing(Client::createdAt)
                .thenComparing(client -> client.id().value());
        List<Client> after = rows.values().stream()
                .sorted(order)
                .filter(client -> page.after().map(cursor -> isAfter(client, cursor)).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(after, page, client -> new Cursor(client.createdAt(), client.id().value()));
    }

    private static boolean isAfter(Client client, Cursor cursor) {
        int byTime = client.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && client.id().value().compareTo(cursor.id()) > 0);
    }
}
