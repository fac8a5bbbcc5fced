package ai.evo.core.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the routes that run bcrypt, such as login and sign-up. bcrypt is CPU-bound, so without a bound a flood
 * of logins would take every core and starve all other routes. At most {@code concurrency} such requests run at
 * once and at most {@code queue} more wait for a slot. Any request beyond that, or one that waits longer than
 * the maximum wait, gets 429 with {@code Retry-After} at once. Thread-safe.
 */
final class PasswordHashingLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashingLimiter.class);
    /** Seconds a rejected client is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** Rejections between two log lines, so a flood does not flood the log too. */
    private static final long LOG_EVERY = 1000;

    private final Semaphore admitted;
    private final Semaphore running;
    private final long maxWaitMillis;
    private long rejected;

    /**
     * Creates the limiter.
     *
     * @param settings the number of running and waiting requests and the maximum wait
     */
    PasswordHashingLimiter(HttpSettings.PasswordHashingLimits settings) {
        Objects.requireNonNull(settings, "settings");
        this.admitted = new Semaphore(settings.concurrency() + settings.queue());
        this.running = new Semaphore(settings.concurrency(), true);
        this.maxWaitMillis = settings.maxWait().toMillis();
    }

    /** Returns the handler wrapped so that it runs only within the bounds. */
    Handler limit(Handler handler) {
        return ctx -> run(ctx, handler);
    }

    /** Returns the route handler wrapped so that it runs only within the bounds. */
    Route.CallerHandler limit(Route.CallerHandler handler) {
        return (ctx, caller) -> run(ctx, inner -> handler.handle(inner, caller));
    }

    private void run(Context ctx, Handler handler) throws Exception {
        if (!admitted.tryAcquire()) {
            throw tooManyRequests();
        }
        try {
            if (!running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw tooManyRequests();
            }
            try {
                handler.handle(ctx);
            } finally {
                running.release();
            }
        } finally {
            admitted.release();
        }
    }

    private HttpProblem tooManyRequests() {
        long count;
        synchronized (this) {
            count = ++rejected;
        }
        if (count % LOG_EVERY == 1) {
            LOG.warn("Rejected a password-hashing request with 429 because every slot is taken ({} rejections so"
                    + " far)", count);
        }
        return new HttpProblem(429, "Too many sign-in and password requests are running; retry after "
                + RETRY_AFTER_SECONDS + " second.").withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
