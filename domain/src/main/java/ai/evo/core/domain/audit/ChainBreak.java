package ai.evo.core.domain.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * The first place where an audit chain does not verify.
 *
 * @param chainKey the chain
 * @param sequence the sequence at which the chain breaks
 * @param rowId    the row found at that place, or null when the break is at the end of the chain
 * @param reason   what does not match, in a sentence an operator can act on
 */
public record ChainBreak(String chainKey, long sequence, UUID rowId, String reason) {
    public ChainBreak {
        Objects.requireNonNull(chainKey, "chainKey");
        Objects.requireNonNull(reason, "reason");
    }
}
