package ai.evo.core.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks one chain of the audit trail row by row, oldest first, and keeps the first break it finds. A row
 * whose content was altered fails its own hash. A removed row leaves a gap in the sequence. Removed newest rows
 * no longer reach the chain head. Feed it the rows of one chain in sequence order, then call {@link #finish()}.
 * Not thread-safe: use one verifier per chain and thread.
 */
public final class AuditChainVerifier {
    private final AuditChainHead head;
    private long expectedSequence;
    private String expectedPreviousHash;
    private long rowsChecked;
    private ChainBreak firstBreak;

    /**
     * Starts verifying a chain.
     *
     * @param head where the chain starts and ends, as the store records it
     */
    public AuditChainVerifier(AuditChainHead head) {
        this.head = Objects.requireNonNull(head, "head");
        this.expectedSequence = head.firstSequence();
        this.expectedPreviousHash = head.firstPreviousHash();
    }

    /**
     * Checks the next row of the chain.
     *
     * @param row the row with the next sequence
     * @return whether the chain still verifies; once false, later rows are ignored
     */
    public boolean accept(ChainedAuditRow row) {
        Objects.requireNonNull(row, "row");
        if (firstBreak != null) {
            return false;
        }
        rowsChecked++;
        if (!row.chainKey().equals(head.chainKey())) {
            return fail(row.sequence(), row, "row is stored in chain " + row.chainKey() + " but was read for chain "
                    + head.chainKey());
        }
        if (row.sequence() != expectedSequence) {
            return fail(expectedSequence, row, "rows with sequence " + expectedSequence + " to "
                    + (row.sequence() - 1) + " were removed; the next row kept is " + row.id());
        }
        if (!expectedPreviousHash.equals(row.previousHash())) {
            return fail(row.sequence(), row, "row " + row.id() + " names a previous hash that does not match the "
                    + "row before it, so that row was altered or replaced");
        }
        if (!AuditChain.hash(row).equals(row.hash())) {
            return fail(row.sequence(), row, "row " + row.id() + " was altered: its content no longer matches "
                    + "its stored hash");
        }
        expectedSequence = row.sequence() + 1;
        expectedPreviousHash = row.hash();
        return true;
    }

    /**
     * Ends the chain: checks that the last row read is the head's last row.
     *
     * @return the first break, or empty when the whole chain verifies
     */
    public Optional<ChainBreak> finish() {
        if (firstBreak == null && expectedSequence != head.lastSequence() + 1) {
            firstBreak = new ChainBreak(head.chainKey(), expectedSequence, null, "rows with sequence "
                    + expectedSequence + " to " + head.lastSequence() + " were removed from the end of the chain");
        } else if (firstBreak == null && !expectedPreviousHash.equals(head.lastHash())) {
            firstBreak = new ChainBreak(head.chainKey(), head.lastSequence(), null, "the newest row of the chain "
                    + "does not carry the hash the chain head records, so it was replaced");
        }
        return Optional.ofNullable(firstBreak);
    }

    /** Returns how many rows were checked. */
    public long rowsChecked() {
        return rowsChecked;
    }

    private boolean fail(long sequence, ChainedAuditRow row, String reason) {
        firstBreak = new ChainBreak(head.chainKey(), sequence, row.id(), reason);
        return false;
    }
}
