package ai.evo.core.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings for PostgreSQL. The text form hides the password.
 *
 * @param jdbcUrl           for example {@code jdbc:postgresql://localhost:5432/evo_ai}
 * @param username          the database user
 * @param password          the user's password, or empty when the server trusts the connection
 * @param maximumPoolSize   the most connections the pool opens, at least 1
 * @param connectionTimeout how long a caller waits for a free connection before the pool raises an error
 */
public record ConnectionSettings(
        String jdbcUrl, String username, String password, int maximumPoolSize, Duration connectionTimeout) {

    /** Pool size when the configuration names none. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    /** Wait for a free connection when the configuration names none. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "the JDBC URL must start with jdbc:postgresql:, got " + redactPassword(jdbcUrl));
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the maximum pool size must be at least 1, got " + maximumPoolSize);
        }
        // HikariCP rejects connection timeouts below 250 ms.
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException(
                    "the connection timeout must be at least 250 ms, got " + connectionTimeout);
        }
    }

    /**
     * Creates settings with the default pool size and connection timeout.
     *
     * @param jdbcUrl  the JDBC URL
     * @param username the database user
     * @param password the password, or empty
     * @return the settings
     */
    public static ConnectionSettings of(String jdbcUrl, String username, String password) {
        return new ConnectionSettings(
                jdbcUrl, username, password, DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * Returns a copy with another pool size.
     *
     * @param size the most connections the pool opens
     * @return the new settings
     */
    public ConnectionSettings withMaximumPoolSize(int size) {
        return new ConnectionSettings(jdbcUrl, username, password, size, connectionTimeout);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[jdbcUrl=" + redactPassword(jdbcUrl) + ", username=" + username + ", password="
                + (password.isEmpty() ? "(none)" : "****") + ", maximumPoolSize=" + maximumPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }

    /** Masks a {@code password=} parameter of a JDBC URL, so the URL can go into logs and errors. */
    static String redactPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
