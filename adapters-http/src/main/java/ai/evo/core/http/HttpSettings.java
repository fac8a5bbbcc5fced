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
 *                        {@code X-Forwarded-For} header is believed, or empty to always use the socket peer
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownTimeout,
                           Set<String> trustedProxies) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
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
