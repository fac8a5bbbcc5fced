package ai.evo.core.domain.common;

import java.util.Optional;

/**
 * One page to read: at most {@code limit} rows after {@code after}.
 *
 * @param limit the maximum number of rows, from 1 to {@link #MAX_LIMIT}
 * @param after where the previous page ended, or empty for the first page
 */
public record PageRequest(int limit, Optional<Cursor> after) {
    /** Number of rows when the caller names none. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest number of rows one page may hold. */
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        after = after == null ? Optional.empty() : after;
    }

    /** Returns a request for the first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }
}
