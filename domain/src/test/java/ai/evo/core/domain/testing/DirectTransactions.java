package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.Transactions;
import java.util.function.Supplier;

/** Runs work directly, for unit tests whose fakes need no rollback. Counts the transactions opened. */
public final class DirectTransactions implements Transactions {
    private int opened;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        opened++;
        return work.get();
    }

    /** Returns how many units of work ran. */
    public int opened() {
        return opened;
    }
}
