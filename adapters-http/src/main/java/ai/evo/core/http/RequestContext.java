package ai.evo.core.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id and the response headers that every route shares.
 *
 * <p>An incoming {@code X-Request-Id} of 1 to 128 characters from {@code [A-Za-z0-9._-]} is kept, so ids from a
 * proxy or a caller can be traced end to end. Any other value is replaced by a random UUID, so the id is safe to
 * log. The id is echoed in the response and put into the SLF4J MDC under {@value #MDC_KEY}.
 */
final class RequestContext {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";

    private static final String REQUEST_ID_ATTRIBUTE = "ai.evo.core.http.requestId";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestContext() {
    }

    /** Runs first for every request: assigns the request id and sets the shared response headers. */
    static void begin(Context ctx) {
        String requestId = chooseRequestId(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID_ATTRIBUTE, requestId);
        MDC.put(MDC_KEY, requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    /** Returns the id of the current request, assigning one when {@link #begin} has not run yet. */
    static String requestId(Context ctx) {
        String requestId = ctx.attribute(REQUEST_ID_ATTRIBUTE);
        if (requestId == null) {
            requestId = chooseRequestId(ctx.header(REQUEST_ID_HEADER));
            ctx.attribute(REQUEST_ID_ATTRIBUTE, requestId);
            ctx.header(REQUEST_ID_HEADER, requestId);
        }
        return requestId;
    }

    /** Returns the incoming id when it is sane, or a new random one. */
    static String chooseRequestId(String incoming) {
        if (incoming != null && SANE_REQUEST_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
