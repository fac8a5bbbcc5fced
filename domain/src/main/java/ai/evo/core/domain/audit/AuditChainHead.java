package ai.evo.core.domain.audit;

import java.util.Objects;

/**
 * Where one chain of the audit trail starts and ends. The store keeps it beside the rows, so removing the newest
 * rows of a chain is detected as surely as removing rows in the middle.
 *
 * @param chainKey          the chain, see {@link AuditChain#chainKey}
 * @param firstSequence     the sequence of the oldest row kept; larger than 1 after a retention purge
 * @param firstPreviousHash the hash the oldest kept row must name as its predecessor
 * @param lastSequence      the sequence of the newest row, or {@code firstSequence - 1} when none is kept
 * @param lastHash          the hash of the newest row
 */
public record AuditChainHead(
        String chainKey,
        long firstSequence,
        String firstPreviousHash,
        long lastSequence,
        String lastHash) {

    public AuditChainHead {
        Objects.requireNonNull(chainKey, "chainKey");
        Objects.requireNonNull(firstPreviousHash, "firstPreviousHash");
        Objects.requireNonNull(lastHash, "lastHash");
    }
}
