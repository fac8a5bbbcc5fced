package ai.evo.core.http.fakes;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients in a map, listed in creation order. Tests can make the next read fail or block, to reach error
 * mappings and in-flight requests.
 */
public final class InMemoryClients implements ClientRepository {
    private static final Comparator<Client> CREATION_ORDER =
            Comparator.comparing(Client::createdAt).thenComparing(client -> client.id().value());

    private final Map<ClientId, Client> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> nextReadGate = new AtomicReference<>();
    private final CountDownLatch readBlocked = new CountDownLatch(1);

    public InMemoryClients(Clock clock) {
        this.clock = clock;
    }

    /** Makes the next {@link #findById} throw the exception. */
    public void failNextReadWith(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** Makes the next {@link #findById} wait until the gate opens. */
    public void blockNextReadUntil(CountDownLatch gate) {
        nextReadGate.set(gate);
    }

    /** Waits until a read is blocked at the gate. */
    public boolean awaitBlockedRead(long seconds) throws InterruptedException {
        return readBlocked.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public Client insert(ClientId id, ClientDetails details) {
        Client client = new Client(id, details, clock.instant(), clock.instant());
        clients.put(id, client);
        return client;
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        CountDownLatch gate = nextReadGate.getAndSet(null);
        if (gate != null) {
            readBlocked.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public Optional<Client> findByIdForUpdate(ClientId id) {
        return findById(id);
    }

    @Override
    public Optional<Client> update(ClientId id, ClientDetails details) {
        Client before = clients.get(id);
        if (before == null) {
            return Optional.empty();
        }
        Client after = new Client(id, details, before.createdAt(), clock.instant());
        clients.put(id, after);
        return Optional.of(after);
    }

    @Override
    public boolean delete(ClientId id) {
        return clients.remove(id) != null;
    }

    @Override
    public Page<Client> list(PageRequest page) {
        List<Client> rows = clients.values().stream()
                .sorted(CREATION_ORDER)
                .filter(client -> page.after().map(after -> isAfter(client, after)).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page, client -> new Cursor(client.createdAt(), client.id().value()));
    }

    private static boolean isAfter(Client client, Cursor cursor) {
        int byTime = client.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || byTime == 0 && client.id().value().compareTo(cursor.id()) > 0;
    }
}
