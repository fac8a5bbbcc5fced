package ai.evo.core.http;

import ai.evo.core.domain.common.Cursor;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Encodes keyset-paging cursors as opaque URL-safe text: base64url (no padding) of a version byte, the creation
 * time (epoch seconds and nanoseconds), the row id and a 4-byte SHA-256 checksum of the rest.
 *
 * <p>The checksum detects cursors that were cut, edited or corrupted (all but about one in four billion), and
 * those are rejected. It is not a signature:
 * anyone who reads this class can forge a cursor, but a forged cursor only moves the position within rows that
 * the caller may read anyway, because every listing applies its tenant filter itself. Thread-safe.
 */
final class CursorCodec {
    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_NANOS = 999_999_999;

    /** Encodes a cursor. */
    String encode(Cursor cursor) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + CHECKSUM_BYTES);
        payload.put(VERSION)
                .putLong(cursor.createdAt().getEpochSecond())
                .putInt(cursor.createdAt().getNano())
                .putLong(cursor.id().getMostSignificantBits())
                .putLong(cursor.id().getLeastSignificantBits());
        payload.put(checksum(Arrays.copyOf(payload.array(), PAYLOAD_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** Decodes a cursor, or returns empty when the text was not produced by {@link #encode}. */
    Optional<Cursor> decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD_BYTES + CHECKSUM_BYTES || text.endsWith("=")) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
        byte[] checksum = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
        if (!MessageDigest.isEqual(checksum, checksum(payload))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.get() != VERSION) {
            return Optional.empty();
        }
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (nanos < 0 || nanos > MAX_NANOS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cursor(Instant.ofEpochSecond(seconds, nanos), id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] checksum(byte[] payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
            return Arrays.copyOf(digest, CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
