package ai.evo.core.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves forward one millisecond on every reading, so rows written one after another get distinct
 * {@code created_at} and {@code updated_at} times, as they do in a database. Thread-safe.
 */
public final class TickingClock extends Clock {
    private final AtomicReference<Instant> now;

    /**
     * Creates a clock.
     *
     * @param start the first time it returns
     */
    public TickingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ticking test clock is always UTC");
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(instant -> instant.plus(Duration.ofMillis(1)));
    }
}
