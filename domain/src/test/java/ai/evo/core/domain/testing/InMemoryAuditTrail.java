package ai.evo.core.domain.testing;

import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Audit trail in a list, for unit tests of the use cases. Paging ignores cursors. Not thread-safe. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new ArrayList<>();
    private final Clock clock;

    /**
     * Creates an empty trail.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryAuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        AuditEntry stored = new AuditEntry(entry.id(), entry.userId(), entry.clientId(), entry.action(),
                entry.resourceType(), entry.resourceId(), entry.details(), entry.origin(), clock.instant());
        entries.add(stored);
        return stored;
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        List<AuditEntry> matching = new ArrayList<>(entries.stream()
                .filter(e -> query.clientId().map(c -> c.equals(e.clientId())).orElse(true))
                .filter(e -> query.userId().map(u -> u.equals(e.userId())).orElse(true))
                .filter(e -> query.action().map(a -> a == e.action()).orElse(true))
                .filter(e -> query.resourceType().map(t -> t == e.resourceType()).orElse(true))
                .filter(e -> query.resourceId().map(r -> r.equals(e.resourceId())).orElse(true))
                .toList());
        Collections.reverse(matching);
        return new Page<>(matching, Optional.empty());
    }

    /** Returns every entry in the order written. */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
