package ai.evo.core.http.fakes;

import ai.evo.core.domain.common.Transactions;
import java.util.function.Supplier;

/** Runs work directly; the in-memory fakes need no rollback for these tests. */
public final class DirectTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
