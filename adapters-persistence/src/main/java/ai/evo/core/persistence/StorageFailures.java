package ai.evo.core.persistence;

import ai.evo.core.domain.common.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/**
 * Recognizes failures that mean the database cannot be reached, such as a refused connection, a pool that
 * timed out waiting for one, or a server that is shutting down, and turns them into
 * {@link StorageUnavailableException}. Every other error is returned unchanged.
 */
final class StorageFailures {
    /** SQLSTATE values of a server that is shutting down or starting: admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private StorageFailures() {
    }

    /**
     * Classifies an error thrown while talking to the database.
     *
     * @param error the error
     * @return a {@link StorageUnavailableException} when the database could not be reached, else {@code error}
     */
    static RuntimeException classify(RuntimeException error) {
        if (error instanceof StorageUnavailableException) {
            return error;
        }
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (isConnectionFailure(current)) {
                return new StorageUnavailableException("the database is unavailable: " + current.getMessage(), error);
            }
            for (Throwable suppressed : current.getSuppressed()) {
                if (isConnectionFailure(suppressed)) {
                    return new StorageUnavailableException("the database is unavailable: " + suppressed.getMessage(),
                            error);
                }
            }
        }
        return error;
    }

    private static boolean isConnectionFailure(Throwable error) {
        if (error instanceof ConnectionException
                || error instanceof SQLTransientConnectionException
                || error instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (error instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SERVER_UNAVAILABLE.contains(state);
        }
        return false;
    }
}
