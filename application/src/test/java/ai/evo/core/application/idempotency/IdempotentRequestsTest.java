package ai.evo.core.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.common.UnprocessableException;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.idempotency.StoredResponse;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryIdempotencyStore;
import ai.evo.core.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {
    private static final Caller ALICE = new Caller(new UserId(UUID.randomUUID()), false, null, RequestOrigin.INTERNAL);
    private static final Caller BOB = new Caller(new UserId(UUID.randomUUID()), false, null, RequestOrigin.INTERNAL);

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotentRequests requests = new IdempotentRequests(new DirectTransactions(), store,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger runs = new AtomicInteger();

    private StoredResponse work() {
        return new StoredResponse(201, "{\"run\":" + runs.incrementAndGet() + "}");
    }

    @Test
    void retryReplaysFirstResponse() {
        StoredResponse first = requests.execute(ALICE, "key-1", "fp", this::work);
        StoredResponse retry = requests.execute(ALICE, "key-1", "fp", this::work);

        assertThat(runs.get()).isEqualTo(1);
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void sameKeyOtherBodyIsUnprocessable() {
        requests.execute(ALICE, "key-1", "fp-a", this::work);

        assertThatThrownBy(() -> requests.execute(ALICE, "key-1", "fp-b", this::work))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("key-1");
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void keysOfOtherUsersDoNotCollide() {
        requests.execute(ALICE, "key-1", "fp", this::work);
        StoredResponse bobs = requests.execute(BOB, "key-1", "fp", this::work);

        assertThat(runs.get()).isEqualTo(2);
        assertThat(bobs.body()).isEqualTo("{\"run\":2}");
    }

    @Test
    void invalidKeysAreRejected() {
        for (String key : new String[] {"", "a b", "x".repeat(256), "ключ"}) {
            assertThatThrownBy(() -> requests.execute(ALICE, key, "fp", this::work))
                    .as("key %s", key)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("Idempotency-Key: ");
        }
        assertThat(runs.get()).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void expiredKeysAreDeleted() {
        requests.execute(ALICE, "key-1", "fp", this::work);
        IdempotentRequests later = new IdempotentRequests(new DirectTransactions(), store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:01Z"), ZoneOffset.UTC));

        assertThat(later.deleteExpired()).isEqualTo(1);
        assertThat(store.size()).isZero();
    }
}
