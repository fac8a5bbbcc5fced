package ai.evo.core.http;

import ai.evo.core.domain.user.AccessState;
import ai.evo.core.domain.user.UserId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Short-lived copies of each account's {@link AccessState}, so the revocation check on every request does not
 * query the database every time. An entry is read again once it is older than the time to live, so a change
 * on any instance takes effect here within that time. The cache keeps no state that correctness depends on
 * beyond that delay. Thread-safe.
 */
final class AccessStateCache {
    /** Entries kept at most; the cache is emptied when it grows past this. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<AccessState> state, long readAtNanos) {
    }

    private final Function<UserId, Optional<AccessState>> loader;
    private final long timeToLiveNanos;
    private final ConcurrentHashMap<UserId, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Creates the cache.
     *
     * @param loader     reads the current state from the database
     * @param timeToLive how long an entry is used, from 0 (no caching) to 5 seconds
     */
    AccessStateCache(Function<UserId, Optional<AccessState>> loader, Duration timeToLive) {
        this.loader = Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("the access-state cache time must be between 0 and 5 seconds, got "
                    + timeToLive);
        }
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    /**
     * Drops the cached state of an account after this instance changed it, so this instance applies the change
     * at once. Other instances apply it when their entry expires.
     *
     * @param userId the account
     */
    void evict(UserId userId) {
        entries.remove(userId);
    }

    /**
     * Returns the account's state, at most the time to live old.
     *
     * @param userId the account
     * @return the state, or empty when the account does not exist
     */
    Optional<AccessState> current(UserId userId) {
        long now = System.nanoTime();
        Entry cached = entries.get(userId);
        if (cached != null && now - cached.readAtNanos() < timeToLiveNanos) {
            return cached.state();
        }
        Optional<AccessState> state = loader.apply(userId);
        if (timeToLiveNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(userId, new Entry(state, now));
        }
        return state;
    }
}
