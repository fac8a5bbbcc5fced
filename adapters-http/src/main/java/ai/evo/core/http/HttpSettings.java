package ai.evo.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Network and limit settings of the HTTP API.
 *
 * @param host            the interface to bind, for example {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port            the TCP port to bind, from 0 to 65535, where 0 binds any free port
 * @param maxBodyBytes    the maximum request body size in bytes, above which requests get 413
 * @param shutdownTimeout how long {@link HttpApi#stop()} waits for in-flight requests to finish
 * @param trustedProxies  IP addresses or CIDR ranges (such as {@code 10.0.0.0/8}) of reverse proxies whose
 *                        {@code X-Forwarded-For} header is believed; empty to always use the socket peer
 * @param passwordHashing the bounds of the routes that run bcrypt
 * @param accessStateTtl  how long the account state behind the token check is cached, from 0 to 5 seconds
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownTimeout,
                           Set<String> trustedProxies, PasswordHashingLimits passwordHashing,
                           Duration accessStateTtl) {

    /** Time the account state behind the token check is cached when none is configured. */
    public static final Duration DEFAULT_ACCESS_STATE_TTL = Duration.ofSeconds(4);

    /**
     * Bounds of the routes that run bcrypt (login, sign-up, password reset and change, user creation).
     *
     * @param concurrency requests that hash at once, at least 1
     * @param queue       further requests that may wait for a slot, at least 0
     * @param maxWait     the longest wait for a slot before the request gets 429
     */
    public record PasswordHashingLimits(int concurrency, int queue, Duration maxWait) {
        public PasswordHashingLimits {
            Objects.requireNonNull(maxWait, "maxWait");
            if (concurrency < 1 || queue < 0 || maxWait.isNegative()) {
                throw new IllegalArgumentException("password hashing limits need concurrency >= 1, queue >= 0 and"
                        + " a wait >= 0, got " + concurrency + ", " + queue + ", " + maxWait);
            }
        }

        /**
         * Returns limits sized for the processors of this JVM: half of them, at least one, hash at once, so
         * other routes keep some CPU, and twice as many requests wait for at most two seconds.
         */
        public static PasswordHashingLimits forAvailableProcessors() {
            int running = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            return new PasswordHashingLimits(running, 2 * running, Duration.ofSeconds(2));
        }
    }

    /**
     * Creates settings with the default password-hashing limits and access-state cache time.
     *
     * @param host            the interface to bind
     * @param port            the TCP port to bind
     * @param maxBodyBytes    the maximum request body size in bytes
     * @param shutdownTimeout how long a stop waits for in-flight requests
     * @param trustedProxies  the trusted reverse proxies
     */
    public HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownTimeout,
                        Set<String> trustedProxies) {
        this(host, port, maxBodyBytes, shutdownTimeout, trustedProxies,
                PasswordHashingLimits.forAvailableProcessors(), DEFAULT_ACCESS_STATE_TTL);
    }

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(accessStateTtl, "accessStateTtl");
        if (host.isBlank()) {
            throw new IllegalArgumentException("HTTP host must not be blank; use 0.0.0.0 to listen on every interface");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maximum request body size must be at least 1 byte, got " + maxBodyBytes);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdown timeout must not be negative, got " + shutdownTimeout);
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }
}
