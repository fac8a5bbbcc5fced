package ai.evo.core.persistence;

import ai.evo.core.domain.common.Transactions;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactions} over JDBI. JDBI 3.55 binds the open handle to the current thread (its default
 * {@link org.jdbi.v3.core.HandleScope}) for as long as {@code withHandle} or {@code inTransaction} runs, and
 * {@code Handle.inTransaction} on a handle that is already in a transaction runs the callback in that
 * transaction. So a nested call joins the outer transaction, and every repository call inside it, made through
 * {@code Jdbi.withHandle}, uses the same connection. Thread-safe.
 */
final class JdbiTransactions implements Transactions {
    private final Jdbi jdbi;

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (RuntimeException e) {
            throw StorageFailures.classify(e);
        }
    }
}
