package ai.evo.core.domain.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Generates version 7 UUIDs (RFC 9562): a 48-bit Unix millisecond timestamp followed by 74 random bits.
 * Ids created later sort after earlier ones, so new rows land at the right edge of a B-tree index instead of
 * splitting pages at random places. Thread-safe.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random;

    /**
     * Creates a generator.
     *
     * @param clock the clock that supplies the timestamp part
     */
    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SecureRandom();
    }

    @Override
    public UUID newId() {
        long millis = clock.millis();
        long randomHigh = random.nextLong();
        long randomLow = random.nextLong();
        long mostSignificant = (millis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long leastSignificant = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
