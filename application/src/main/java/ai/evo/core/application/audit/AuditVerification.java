package ai.evo.core.application.audit;

import ai.evo.core.domain.audit.ChainBreak;
import java.util.Optional;

/**
 * Outcome of verifying the audit trail.
 *
 * @param chainsChecked how many chains were walked
 * @param rowsChecked   how many rows were checked
 * @param firstBreak    the first row found altered or removed, or empty when every chain verifies
 */
public record AuditVerification(int chainsChecked, long rowsChecked, Optional<ChainBreak> firstBreak) {

    /** Returns whether every chain verified. */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
