package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Keyset paging over in-memory rows, ordered by creation time and id as the stores order them. */
final class KeysetPages {

    private KeysetPages() {
    }

    static <T> Page<T> page(Collection<T> rows, PageRequest page, Function<T, Instant> createdAt,
                            Function<T, UUID> id) {
        Comparator<T> order = Comparator.comparing(createdAt).thenComparing(id);
        List<T> after = rows.stream()
                .sorted(order)
                .filter(row -> page.after().map(cursor -> isAfter(createdAt.apply(row), id.apply(row), cursor))
                        .orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(after, page, row -> new Cursor(createdAt.apply(row), id.apply(row)));
    }

    private static boolean isAfter(Instant createdAt, UUID id, Cursor cursor) {
        int byTime = createdAt.compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && id.compareTo(cursor.id()) > 0);
    }
}
