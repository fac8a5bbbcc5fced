package ai.evo.core.http;

/**
 * Check behind {@code GET /health/ready}, such as a database ping. It runs on the request thread, so it
 * should return within a second or two.
 */
@FunctionalInterface
public interface ReadinessProbe {

    /** Returns whether the service can handle requests now. An exception counts as not ready. */
    boolean isReady();
}
