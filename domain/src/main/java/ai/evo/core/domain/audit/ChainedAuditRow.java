package ai.evo.core.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored audit row with the fields its hash covers, as read back for verification.
 *
 * @param chainKey      the chain the row belongs to, see {@link AuditChain#chainKey}
 * @param sequence      the row's position in its chain, starting at 1 with no gaps
 * @param id            the row id
 * @param actorUserId   the user who acted, kept even after the user is deleted, or null
 * @param clientId      the tenant, or null
 * @param action        the stored action name
 * @param resourceType  the stored resource type name
 * @param resourceId    the resource, or null
 * @param detailsJson   the details in the database's canonical text form ({@code jsonb::text} in PostgreSQL)
 * @param ipAddress     the stored address, or null
 * @param userAgent     the stored user agent, or null
 * @param createdAt     the stored creation time, at microsecond precision
 * @param previousHash  the hash of the row before it in the chain, as stored in this row
 * @param hash          the hash stored in this row
 */
public record ChainedAuditRow(
        String chainKey,
        long sequence,
        UUID id,
        UUID actorUserId,
        UUID clientId,
        String action,
        String resourceType,
        UUID resourceId,
        String detailsJson,
        String ipAddress,
        String userAgent,
        Instant createdAt,
        String previousHash,
        String hash) {

    public ChainedAuditRow {
        Objects.requireNonNull(chainKey, "chainKey");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
