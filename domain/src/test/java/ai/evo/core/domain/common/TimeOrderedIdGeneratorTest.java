package ai.evo.core.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

    @Test
    void idsAreVersionSevenWithRfcVariant() {
        UUID id = new TimeOrderedIdGenerator(Clock.systemUTC()).newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsCarryTheClockMilliseconds() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        UUID id = new TimeOrderedIdGenerator(Clock.fixed(at, ZoneOffset.UTC)).newId();

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = new TimeOrderedIdGenerator(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC)).newId();
        UUID later = new TimeOrderedIdGenerator(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC)).newId();

        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void idsDoNotRepeat() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.systemUTC());
        Set<UUID> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            seen.add(generator.newId());
        }

        assertThat(seen).hasSize(10_000);
    }
}
