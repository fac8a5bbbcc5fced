package ai.evo.core.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs one line per finished request: method, path, status, duration and request id. The line never contains
 * headers, query strings or bodies, so tokens, passwords and cursors stay out of the log.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private AccessLog() {
    }

    /** Logs a finished request. The signature fits Javalin's request logger. */
    static void log(Context ctx, Float durationMillis) {
        String requestId = RequestContext.requestId(ctx);
        MDC.put(RequestContext.MDC_KEY, requestId);
        try {
            LOG.info("{} {} {} {} ms request_id={}", ctx.method(), SafeText.escape(ctx.path()), ctx.statusCode(),
                    durationMillis == null ? -1 : Math.round(durationMillis), requestId);
        } finally {
            MDC.remove(RequestContext.MDC_KEY);
        }
    }
}
