package ai.evo.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens HikariCP connection pools for PostgreSQL. */
public final class ConnectionPools {
    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);

    private ConnectionPools() {
    }

    /**
     * Opens a pool. HikariCP connects at once, so a wrong URL or password fails here rather than on the first
     * request. The caller closes the pool at shutdown.
     *
     * @param settings where and how to connect
     * @return the open pool, safe for concurrent use
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the first connection fails
     */
    public static HikariDataSource open(ConnectionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setPoolName("evo-ai-postgres");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        log.info("Opening the PostgreSQL connection pool: {}", settings);
        return new HikariDataSource(config);
    }
}
