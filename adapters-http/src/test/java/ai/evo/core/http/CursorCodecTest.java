package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.Cursor;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec();
    private final Cursor cursor = new Cursor(Instant.parse("2026-03-01T10:00:00.123456789Z"),
            UUID.fromString("0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a"));

    @Test
    void roundTripKeepsTimeAndId() {
        String text = codec.encode(cursor);

        assertThat(codec.decode(text)).contains(cursor);
        assertThat(text).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void roundTripKeepsExtremeTimes() {
        for (Instant time : List.of(Instant.EPOCH, Instant.parse("1900-01-01T00:00:00Z"), Instant.MAX, Instant.MIN)) {
            Cursor extreme = new Cursor(time, UUID.randomUUID());

            assertThat(codec.decode(codec.encode(extreme))).as("time %s", time).contains(extreme);
        }
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String text = codec.encode(cursor);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        for (int position = 0; position < text.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == text.charAt(position)) {
                    continue;
                }
                String tampered = text.substring(0, position) + replacement + text.substring(position + 1);
                assertThat(codec.decode(tampered)).as("cursor changed at %d to %s", position, replacement).isEmpty();
            }
        }
    }

    @Test
    void truncatedPaddedAndForeignTextIsRejected() {
        String text = codec.encode(cursor);

        assertThat(codec.decode(text.substring(0, text.length() - 1))).isEmpty();
        assertThat(codec.decode(text + "A")).isEmpty();
        assertThat(codec.decode(text + "=")).isEmpty();
        assertThat(codec.decode("")).isEmpty();
        assertThat(codec.decode("not a cursor!")).isEmpty();
        assertThat(codec.decode(Base64.getUrlEncoder().encodeToString("hello".getBytes()))).isEmpty();
    }

    @Test
    void invalidNanosAreRejected() throws Exception {
        byte[] payload = ByteBuffer.allocate(29).put((byte) 1).putLong(0).putInt(1_000_000_000).putLong(1).putLong(2)
                .array();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(payload);
        byte[] forged = ByteBuffer.allocate(33).put(payload).put(digest, 0, 4).array();

        assertThat(codec.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(forged))).isEmpty();
    }
}
