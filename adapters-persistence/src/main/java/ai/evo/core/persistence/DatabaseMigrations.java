package ai.evo.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Liquibase changelog {@value #CHANGELOG} to a database. Several instances that start together may
 * call it at once. Each takes a PostgreSQL session-level advisory lock before running Liquibase, so the instances
 * migrate one after another and all but the first find nothing to do. Liquibase's own DATABASECHANGELOGLOCK
 * table guards against tools that do not take the advisory lock.
 */
public final class DatabaseMigrations {
    /** Classpath location of the master changelog. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);
    /** Arbitrary constant that identifies the migration lock among the advisory locks of the database. */
    private static final long ADVISORY_LOCK_KEY = 0x45564f5f4d494752L;

    private DatabaseMigrations() {
    }

    /**
     * The schema state after a migration.
     *
     * @param appliedChangeSets number of changesets recorded in DATABASECHANGELOG
     * @param appliedNow        how many of them this call applied
     * @param latestChangeSet   id of the changeset applied last, for the start log
     */
    public record SchemaVersion(int appliedChangeSets, int appliedNow, String latestChangeSet) {
    }

    /**
     * Applies every pending changeset and waits while another instance migrates the same database.
     *
     * @param dataSource connections to the target database. The user needs the CREATE privilege on the database
     *                   (for the trusted extension uuid-ossp) and on the public schema.
     * @return the schema state after the migration
     * @throws IllegalStateException when a changeset fails; the message names the database error
     */
    public static SchemaVersion migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection);
            try {
                int before = countAppliedChangeSets(connection);
                runLiquibase(connection);
                connection.setAutoCommit(true);
                SchemaVersion version = readVersion(connection, before);
                log.info("Database schema is at changeset {}: {} changesets applied, {} of them now",
                        version.latestChangeSet(), version.appliedChangeSets(), version.appliedNow());
                return version;
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    private static void runLiquibase(Connection connection) {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(DatabaseMigrations.class.getClassLoader()),
                    // Liquibase prints each changeset to standard output unless its UI writes to the log.
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.logService.name(), new LiquibaseSlf4jLogService(),
                    AnalyticsArgs.ENABLED.getKey(), false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .execute());
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, ADVISORY_LOCK_KEY);
            statement.execute();
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, ADVISORY_LOCK_KEY);
            statement.execute();
        }
    }

    private static int countAppliedChangeSets(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT to_regclass('databasechangelog') IS NOT NULL")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM databasechangelog")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static SchemaVersion readVersion(Connection connection, int appliedBefore) throws SQLException {
        int applied = countAppliedChangeSets(connection);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1")) {
            String latest = rows.next() ? rows.getString(1) : "none";
            return new SchemaVersion(applied, applied - appliedBefore, latest);
        }
    }
}
