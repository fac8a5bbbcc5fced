package ai.evo.core.persistence;

import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.PageRequest;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL fragments for keyset paging on {@code (created_at, id)}. Each listing reads {@code limit + 1} rows, so
 * {@link ai.evo.core.domain.common.Page#fromLookahead} can tell whether a next page exists. The fragments are
 * constants; values are always bound as parameters.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * Returns the condition for rows after the cursor in ascending order, or an empty string on the first page.
     *
     * @param alias the table alias with its dot, or an empty string
     */
    static String after(PageRequest page, String alias) {
        return page.after().isEmpty() ? ""
                : " AND (" + alias + "created_at, " + alias + "id) > (:afterCreatedAt, :afterId)";
    }

    /**
     * Returns the condition for rows after the cursor in descending (newest first) order, or an empty string on
     * the first page.
     *
     * @param alias the table alias with its dot, or an empty string
     */
    static String before(PageRequest page, String alias) {
        return page.after().isEmpty() ? ""
                : " AND (" + alias + "created_at, " + alias + "id) < (:afterCreatedAt, :afterId)";
    }

    /** Binds the cursor, when there is one, and the lookahead limit. */
    static Query bind(Query query, PageRequest page) {
        if (page.after().isPresent()) {
            Cursor cursor = page.after().get();
            query.bind("afterCreatedAt", Timestamps.offset(cursor.createdAt()));
            query.bind("afterId", cursor.id());
        }
        return query.bind("limit", page.limit() + 1);
    }
}
