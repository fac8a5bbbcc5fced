package ai.evo.core.http.fakes;

import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An append-only list of entries, read newest first with every filter of {@link AuditQuery}. */
public final class InMemoryAuditTrail implements AuditTrail {
    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::createdAt).thenComparing(AuditEntry::id).reversed();

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile AuditQuery lastQuery;

    public InMemoryAuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Returns the filters of the latest {@link #list} call. */
    public AuditQuery lastQuery() {
        return lastQuery;
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
        lastQuery = query;
        List<AuditEntry> rows = entries.stream()
                .filter(e -> query.clientId().map(id -> id.equals(e.clientId())).orElse(true))
                .filter(e -> query.userId().map(id -> id.equals(e.userId())).orElse(true))
                .filter(e -> query.action().map(a -> a == e.action()).orElse(true))
                .filter(e -> query.resourceType().map(t -> t == e.resourceType()).orElse(true))
                .filter(e -> query.resourceId().map(id -> id.equals(e.resourceId())).orElse(true))
                .filter(e -> query.from().map(from -> !e.createdAt().isBefore(from)).orElse(true))
                .filter(e -> query.to().map(to -> e.createdAt().isBefore(to)).orElse(true))
                .sorted(NEWEST_FIRST)
                .filter(e -> page.after().map(after -> isOlder(e, after)).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page, e -> new Cursor(e.createdAt(), e.id()));
    }

    private static boolean isOlder(AuditEntry entry, Cursor cursor) {
        int byTime = entry.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || byTime == 0 && entry.id().compareTo(cursor.id()) < 0;
    }
}
