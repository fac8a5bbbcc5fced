package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.idempotency.IdempotencyRecord;
import ai.evo.core.domain.idempotency.IdempotencyStore;
import ai.evo.core.domain.idempotency.StoredResponse;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static IdempotencyStore store;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        store = persistence.idempotencyKeys();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofHours(24));
    }

    @Test
    void secondClaimReturnsStoredResponse() {
        persistence.transactions().inTransaction(() -> {
            assertThat(store.claim("user-1", "key-a", "f".repeat(64), tomorrow())).isEmpty();
            store.complete("user-1", "key-a", new StoredResponse(201, "{\"id\":1}"));
            return null;
        });

        Optional<IdempotencyRecord> again = persistence.transactions().inTransaction(
                () -> store.claim("user-1", "key-a", "f".repeat(64), tomorrow()));

        assertThat(again).isPresent();
        assertThat(again.get().fingerprint()).isEqualTo("f".repeat(64));
        assertThat(again.get().response()).contains(new StoredResponse(201, "{\"id\":1}"));
    }

    @Test
    void failedTransactionLeavesNoClaim() {
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            store.claim("user-1", "key-b", "a".repeat(64), tomorrow());
            throw new IllegalStateException("request failed");
        })).hasMessage("request failed");

        Optional<IdempotencyRecord> again = persistence.transactions().inTransaction(
                () -> store.claim("user-1", "key-b", "a".repeat(64), tomorrow()));

        assertThat(again).isEmpty();
    }

    @Test
    void concurrentClaimWaitsForFirst() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> persistence.transactions().inTransaction(() -> {
                store.claim("user-2", "key-c", "c".repeat(64), tomorrow());
                claimed.countDown();
                await(release);
                store.complete("user-2", "key-c", new StoredResponse(201, "{\"first\":true}"));
                return null;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Optional<IdempotencyRecord>> second = pool.submit(() -> persistence.transactions()
                    .inTransaction(() -> store.claim("user-2", "key-c", "c".repeat(64), tomorrow())));

            // The second claim cannot finish while the first transaction holds the key.
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            first.get(30, TimeUnit.SECONDS);

            Optional<IdempotencyRecord> seen = second.get(30, TimeUnit.SECONDS);
            assertThat(seen).isPresent();
            assertThat(seen.get().response()).contains(new StoredResponse(201, "{\"first\":true}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredClaimIsReplaced() {
        persistence.transactions().inTransaction(() -> {
            store.claim("user-3", "key-d", "d".repeat(64), Instant.now().minusSeconds(1));
            store.complete("user-3", "key-d", new StoredResponse(201, "{}"));
            return null;
        });

        Optional<IdempotencyRecord> again = persistence.transactions().inTransaction(
                () -> store.claim("user-3", "key-d", "e".repeat(64), tomorrow()));

        assertThat(again).isEmpty();
    }

    @Test
    void claimDeletesOtherExpiredKeys() {
        persistence.transactions().inTransaction(() ->
                store.claim("user-4", "old-key", "d".repeat(64), Instant.now().minusSeconds(60)));

        persistence.transactions().inTransaction(() -> store.claim("user-5", "new-key", "e".repeat(64), tomorrow()));

        assertThat(store.deleteExpired(Instant.now())).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the test to release the claim");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
