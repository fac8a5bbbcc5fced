package ai.evo.core.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    @Test
    void lockEndsAfterDuration() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(LockoutPolicy.DEFAULT.lockedUntil(now)).isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
    }

    @Test
    void rejectsNonPositiveSettings() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
