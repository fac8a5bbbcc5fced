package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.user.AccessState;
import ai.evo.core.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccessStateCacheTest {
    private final UserId user = new UserId(UUID.randomUUID());
    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<AccessState> load(UserId id) {
        loads.incrementAndGet();
        return Optional.of(new AccessState(id, true, false, null, version.get()));
    }

    @Test
    void cachedStateServesRepeatedChecks() {
        AccessStateCache cache = new AccessStateCache(this::load, Duration.ofSeconds(5));

        cache.current(user);
        cache.current(user);

        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void evictReadsNewVersionAtOnce() {
        AccessStateCache cache = new AccessStateCache(this::load, Duration.ofSeconds(5));
        cache.current(user);
        version.set(1);

        cache.evict(user);

        assertThat(cache.current(user).orElseThrow().tokenVersion()).isEqualTo(1);
    }

    @Test
    void zeroTimeToLiveAlwaysReads() {
        AccessStateCache cache = new AccessStateCache(this::load, Duration.ZERO);
        cache.current(user);
        version.set(7);

        assertThat(cache.current(user).orElseThrow().tokenVersion()).isEqualTo(7);
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void timeToLiveAboveFiveSecondsIsRejected() {
        assertThatThrownBy(() -> new AccessStateCache(this::load, Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 5 seconds");
    }
}
