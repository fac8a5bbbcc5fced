package ai.evo.core.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness checks for orchestrators. Neither needs a token. Readiness changes are logged once
 * per change, not once per probe, because orchestrators poll every few seconds.
 */
final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final ReadinessProbe readiness;
    private final Json json;
    private final ProblemMapper problems;
    private final AtomicBoolean lastReady = new AtomicBoolean(true);

    HealthRoutes(ReadinessProbe readiness, Json json, ProblemMapper problems) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.json = Objects.requireNonNull(json, "json");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** {@code GET /health/live}: 200 while the process serves HTTP at all. */
    void live(Context ctx) {
        json.respond(ctx, 200, Map.of("status", "live"));
    }

    /** {@code GET /health/ready}: 200 when the probe passes, else a 503 problem. */
    void ready(Context ctx) {
        boolean ready;
        try {
            ready = readiness.isReady();
        } catch (RuntimeException e) {
            if (lastReady.get()) {
                LOG.warn("Readiness probe failed with an exception; reporting not ready", e);
            }
            ready = false;
        }
        if (lastReady.getAndSet(ready) != ready) {
            LOG.info("Readiness changed to {}", ready ? "ready" : "not ready");
        }
        if (ready) {
            json.respond(ctx, 200, Map.of("status", "ready"));
        } else {
            problems.write(ctx, 503, "The service is not ready to handle requests; a dependency such as the"
                    + " database is unavailable.", null);
        }
    }
}
