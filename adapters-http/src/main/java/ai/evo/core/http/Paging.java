package ai.evo.core.http;

import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.PageRequest;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code limit} and {@code cursor} query parameters of list routes and the {@code Link} header that points
 * to the next page. Thread-safe.
 */
final class Paging {
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,7}");

    private final CursorCodec cursors;

    Paging(CursorCodec cursors) {
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    /**
     * Reads the page to fetch: {@code limit} from 1 to {@value PageRequest#MAX_LIMIT} (default
     * {@value PageRequest#DEFAULT_LIMIT}) and an optional {@code cursor} from a previous {@code Link} header.
     * Invalid values are recorded in {@code query}, and the first page is returned in their place.
     */
    PageRequest pageRequest(QueryParameters query) {
        int limit = PageRequest.DEFAULT_LIMIT;
        Optional<String> limitText = query.text(LIMIT);
        if (limitText.isPresent()) {
            String text = limitText.get();
            int parsed = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1;
            if (parsed < 1 || parsed > PageRequest.MAX_LIMIT) {
                query.reject(LIMIT, "must be an integer from 1 to " + PageRequest.MAX_LIMIT);
            } else {
                limit = parsed;
            }
        }
        Optional<Cursor> after = Optional.empty();
        Optional<String> cursorText = query.text(CURSOR);
        if (cursorText.isPresent()) {
            after = cursors.decode(cursorText.get());
            if (after.isEmpty()) {
                query.reject(CURSOR, "is invalid; pass the cursor from the previous page's Link header unchanged");
            }
        }
        return new PageRequest(limit, after);
    }

    /**
     * Adds {@code Link: <...>; rel="next"} when there is a next page. The link is relative and repeats the
     * request's other query parameters, with the new cursor in place of the old one.
     */
    void linkNextPage(Context ctx, QueryParameters query, Optional<Cursor> next) {
        if (next.isEmpty()) {
            return;
        }
        StringBuilder link = new StringBuilder(ctx.req().getRequestURI()).append('?');
        for (Map.Entry<String, List<String>> parameter : query.values().entrySet()) {
            if (parameter.getKey().equals(CURSOR)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                link.append(encode(parameter.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        link.append(CURSOR).append('=').append(cursors.encode(next.get()));
        ctx.header("Link", "<" + link + ">; rel=\"next\"");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
