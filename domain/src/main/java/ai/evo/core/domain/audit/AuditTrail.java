package ai.evo.core.domain.audit;

import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;

/**
 * The append-only log of administrative and security actions. Implementations join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}, so an entry commits or rolls back with the change it records.
 */
public interface AuditTrail {

    /**
     * Appends an entry.
     *
     * @param entry the entry
     * @return the stored entry with its creation time
     */
    AuditEntry append(NewAuditEntry entry);

    /**
     * Lists entries newest first.
     *
     * @param query the filters
     * @param page  which page to read; its cursor points at the oldest entry of the previous page
     * @return the page
     */
    Page<AuditEntry> list(AuditQuery query, PageRequest page);
}
