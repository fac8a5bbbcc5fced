package ai.evo.core.persistence;

import ai.evo.core.domain.common.DomainException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs repository statements on the current thread's handle: the one of the open transaction when there is one,
 * otherwise a short-lived handle of its own. A database that cannot be reached raises
 * {@link ai.evo.core.domain.common.StorageUnavailableException}. Thread-safe.
 */
final class Database {
    private final Jdbi jdbi;

    Database(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Runs statements whose errors need no translation, such as reads and deletes.
     *
     * @param work the statements
     * @param <T>  the result type
     * @return the result
     */
    <T> T execute(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw StorageFailures.classify(e);
        }
    }

    /**
     * Runs statements that write, translating errors the caller caused into domain exceptions.
     *
     * @param fields      the text and JSON values written, by field name
     * @param constraints the domain exception for each constraint name the write can violate
     * @param work        the statements
     * @param <T>         the result type
     * @return the result
     */
    <T> T write(WriteFields fields, Map<String, Supplier<DomainException>> constraints,
                HandleCallback<T, RuntimeException> work) {
        fields.rejectUnpairedSurrogates();
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw StorageFailures.classify(SqlErrors.translate(e, fields, constraints));
        }
    }
}
