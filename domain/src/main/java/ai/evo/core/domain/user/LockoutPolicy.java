package ai.evo.core.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When repeated failed logins lock an account, and for how long.
 *
 * @param threshold consecutive failed attempts that lock the account, at least 1
 * @param duration  how long the lock lasts, positive
 */
public record LockoutPolicy(int threshold, Duration duration) {
    /** Five attempts, then fifteen minutes. */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        if (threshold < 1) {
            throw new IllegalArgumentException("lockout threshold must be at least 1, got " + threshold);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout duration must be positive, got " + duration);
        }
    }

    /**
     * Computes when a lock that starts now ends.
     *
     * @param now the start of the lock
     * @return the end of the lock
     */
    public Instant lockedUntil(Instant now) {
        return now.plus(duration);
    }
}
