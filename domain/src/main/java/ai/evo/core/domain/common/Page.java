package ai.evo.core.domain.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of rows and where the next one starts.
 *
 * @param items the rows, in the listing's order
 * @param next  the cursor of the next page, or empty when this is the last page
 * @param <T>   the row type
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    /**
     * Builds a page from up to {@code limit + 1} rows read in order: the extra row, when present, only proves
     * that a next page exists and is dropped.
     *
     * @param rows     rows read with a limit one larger than the request's
     * @param request  the request that was read
     * @param cursorOf how to make a cursor from a row
     * @param <T>      the row type
     * @return the page
     */
    public static <T> Page<T> fromLookahead(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(items.size() - 1))));
    }

    /**
     * Converts every row, keeping the cursor.
     *
     * @param mapper the conversion
     * @param <R>    the new row type
     * @return the converted page
     */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
