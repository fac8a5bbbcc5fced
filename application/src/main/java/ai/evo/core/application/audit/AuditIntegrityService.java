package ai.evo.core.application.audit;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditChainHead;
import ai.evo.core.domain.audit.AuditChainStore;
import ai.evo.core.domain.audit.AuditChainVerifier;
import ai.evo.core.domain.audit.ChainBreak;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies the hash chains of the audit trail and purges entries past their retention. Both are operator
 * tasks run from the command line, so both require an admin caller. Thread-safe.
 */
public final class AuditIntegrityService {
    /** Shortest retention a purge accepts, so a typing error cannot empty the trail. */
    public static final Duration MIN_RETENTION = Duration.ofDays(30);

    private final Transactions transactions;
    private final AuditChainStore chains;
    private final AuditRecorder audit;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param transactions runs the purge atomically with its own audit entry
     * @param chains       the chained trail
     * @param audit        the audit writer
     * @param clock        supplies the current time for the retention cutoff
     */
    public AuditIntegrityService(Transactions transactions, AuditChainStore chains, AuditRecorder audit,
                                 Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.chains = Objects.requireNonNull(chains, "chains");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Walks every chain and stops at the first row that was altered or removed.
     *
     * @param caller who acts; must be an admin
     * @return how much was checked and the first break, if any
     */
    public AuditVerification verify(Caller caller) {
        requireAdmin(caller, "verify the audit trail");
        int chainCount = 0;
        long rows = 0;
        List<AuditChainHead> heads = chains.heads();
        Set<String> headKeys = heads.stream().map(AuditChainHead::chainKey).collect(Collectors.toSet());
        for (String key : chains.chainKeysOfRows()) {
            if (!headKeys.contains(key)) {
                return new AuditVerification(heads.size(), 0, Optional.of(new ChainBreak(key, 0, null,
                        "rows are stored in chain " + key + ", which has no chain head, so they were inserted"
                                + " without the chain trigger")));
            }
        }
        for (AuditChainHead head : heads) {
            chainCount++;
            AuditChainVerifier verifier = new AuditChainVerifier(head);
            chains.forEachRow(head.chainKey(), verifier::accept);
            Optional<ChainBreak> broken = verifier.finish();
            rows += verifier.rowsChecked();
            if (broken.isPresent()) {
                return new AuditVerification(chainCount, rows, broken);
            }
        }
        return new AuditVerification(chainCount, rows, Optional.empty());
    }

    /**
     * Deletes the entries older than a retention period and records the purge as one new entry.
     *
     * @param caller    who acts; must be an admin
     * @param retention how long entries are kept; at least {@link #MIN_RETENTION}
     * @return how many entries were deleted
     */
    public long purge(Caller caller, Duration retention) {
        requireAdmin(caller, "purge the audit trail");
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw ValidationException.of("older_than", "must be at least " + MIN_RETENTION.toDays()
                    + " days, got " + retention.toDays() + " days");
        }
        Instant cutoff = clock.instant().minus(retention);
        return transactions.inTransaction(() -> {
            long deleted = chains.purgeCreatedBefore(cutoff);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cutoff", cutoff.toString());
            details.put("retention_days", retention.toDays());
            details.put("deleted", deleted);
            audit.record(caller, AuditAction.PURGE, ResourceType.AUDIT_LOG, null, null, details);
            return deleted;
        });
    }

    private static void requireAdmin(Caller caller, String action) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may " + action);
        }
    }
}
