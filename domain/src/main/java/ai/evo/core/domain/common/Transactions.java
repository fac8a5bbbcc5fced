package ai.evo.core.domain.common;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically. Every repository call made inside {@code work} on the same thread joins the
 * transaction, so a use case's writes and its audit entry commit together or not at all.
 */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction, committing when it returns and rolling back when it throws.
     * A call made while a transaction is already open joins it.
     *
     * @param work the unit of work
     * @param <T>  its result type
     * @return what {@code work} returned
     */
    <T> T inTransaction(Supplier<T> work);
}
