package ai.evo.core.domain.audit;

import ai.evo.core.domain.client.ClientId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain that makes the audit trail tamper-evident. Each row stores
 * {@code SHA-256(canonical content including the previous row's hash)}, so changing, removing or reordering a
 * row changes every hash after it. There is one chain per client and one, {@link #PLATFORM_CHAIN}, for entries
 * outside any client, so tenants never wait on each other's writes.
 *
 * <p>The canonical content is one line per field in a fixed order, each {@code <length>:<value>} with the length
 * in Unicode code points, or {@code -} for null. The length prefix makes the encoding unambiguous whatever the
 * values contain. The database trigger that stamps new rows builds the same text, and a persistence test checks
 * that both agree. Stateless and thread-safe.
 */
public final class AuditChain {
    /** Chain key of entries that belong to no client. */
    public static final String PLATFORM_CHAIN = "platform";
    /** The previous hash of the first row of a chain: 64 zeros. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /**
     * Returns the chain an entry of a tenant belongs to.
     *
     * @param clientId the tenant, or null for platform-wide entries
     * @return the client id as text, or {@link #PLATFORM_CHAIN}
     */
    public static String chainKey(ClientId clientId) {
        return clientId == null ? PLATFORM_CHAIN : clientId.value().toString();
    }

    /**
     * Builds the canonical content of a row, its previous hash included.
     *
     * @param row the row
     * @return the text that is hashed
     */
    public static String canonicalContent(ChainedAuditRow row) {
        StringBuilder content = new StringBuilder(256 + row.detailsJson().length());
        field(content, row.chainKey());
        field(content, Long.toString(row.sequence()));
        field(content, text(row.id()));
        field(content, text(row.actorUserId()));
        field(content, text(row.clientId()));
        field(content, row.action());
        field(content, row.resourceType());
        field(content, text(row.resourceId()));
        field(content, row.detailsJson());
        field(content, row.ipAddress());
        field(content, row.userAgent());
        field(content, timestamp(row.createdAt()));
        field(content, row.previousHash());
        return content.toString();
    }

    /**
     * Computes the hash a row must store.
     *
     * @param row the row, whose own {@code hash} is ignored
     * @return the lowercase hexadecimal SHA-256 of its canonical content
     */
    public static String hash(ChainedAuditRow row) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = digest.digest(canonicalContent(row).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Formats a creation time the way the canonical content stores it: UTC with six fraction digits.
     *
     * @param createdAt the time, at microsecond precision
     * @return for example {@code 2026-03-01T10:00:00.000000Z}
     */
    public static String timestamp(Instant createdAt) {
        return TIMESTAMP.format(createdAt);
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-\n");
            return;
        }
        content.append(value.codePointCount(0, value.length())).append(':').append(value).append('\n');
    }

    private static String text(UUID value) {
        return value == null ? null : value.toString();
    }
}
