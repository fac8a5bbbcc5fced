package ai.evo.core.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Read and retention access to the hash-chained audit trail, for verification and for the purge that keeps
 * the trail to its retention period. The store stamps each appended row with its chain, sequence and hash.
 */
public interface AuditChainStore {

    /** Returns the head of every chain, in chain key order. */
    List<AuditChainHead> heads();

    /**
     * Returns the chain keys that stored rows carry, so rows written under a key that has no head, which the
     * store never does, are found too.
     */
    List<String> chainKeysOfRows();

    /**
     * Streams the rows of one chain in sequence order without loading them into memory.
     *
     * @param chainKey the chain
     * @param consumer receives each row; returns false to stop early
     */
    void forEachRow(String chainKey, Predicate<ChainedAuditRow> consumer);

    /**
     * Deletes, in each chain, the oldest rows up to the newest one created before a time, and moves the chain
     * head so the rows kept still verify. This is the only deletion the store allows on the trail.
     *
     * @param cutoff rows created before this time are deleted
     * @return how many rows were deleted
     */
    long purgeCreatedBefore(Instant cutoff);
}
