package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    private static final String ABC_100_BYTES = "Ab1!".repeat(25);

    @Test
    void everyLengthRoundTrips() {
        List<String> passwords = List.of("A".repeat(71), "A".repeat(72), "A".repeat(73), ABC_100_BYTES,
                "é".repeat(36), "😀".repeat(19), "Short-Pass-1", "x");

        for (String password : passwords) {
            String hash = hasher.hash(password);
            assertThat(hasher.matches(password, hash)).as("%d UTF-8 bytes", utf8Length(password)).isTrue();
        }
    }

    @Test
    void sharedFirst72BytesDoNotMatch() {
        String hash = hasher.hash(ABC_100_BYTES);
        String first72 = ABC_100_BYTES.substring(0, 72);

        assertThat(hasher.matches(first72, hash)).isFalse();
        assertThat(hasher.matches(first72 + "X", hash)).isFalse();
        assertThat(hasher.matches(ABC_100_BYTES + "X", hash)).isFalse();
    }

    @Test
    void passwordsDifferingAfterByte72DoNotMatch() {
        String hash = hasher.hash("A".repeat(72) + "B");

        assertThat(hasher.matches("A".repeat(72) + "C", hash)).isFalse();
        assertThat(hasher.matches("A".repeat(72), hash)).isFalse();
    }

    @Test
    void multiByteCharactersCountInBytes() {
        String hash = hasher.hash("😀".repeat(19));

        assertThat(hasher.matches("😀".repeat(18), hash)).isFalse();
        assertThat(hasher.matches("😀".repeat(18) + "😁", hash)).isFalse();
    }

    @Test
    void upTo72BytesIsStandardBcrypt() {
        String password = "A".repeat(72);
        String hash = hasher.hash(password);

        BCrypt.Result plain = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.none())
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8));

        assertThat(plain.verified).isTrue();
    }

    @Test
    void hashesFromOtherVersionsMatch() {
        for (BCrypt.Version version : List.of(BCrypt.Version.VERSION_2A, BCrypt.Version.VERSION_2B,
                BCrypt.Version.VERSION_2Y)) {
            String hash = BCrypt.with(version).hashToString(4, "Short-Pass-1".toCharArray());

            assertThat(hasher.matches("Short-Pass-1", hash)).as("hash %s", hash).isTrue();
            assertThat(hasher.matches("Short-Pass-2", hash)).as("hash %s", hash).isFalse();
        }
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String hash = hasher.hash("Short-Pass-1");

        assertThat(hasher.matches(ABC_100_BYTES, hash)).isFalse();
        assertThat(hasher.matches("Short-Pass-2", hash)).isFalse();
    }

    @Test
    void hashUsesSaltAndCost() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(first).startsWith("$2a$04$");
        assertThat(new BcryptPasswordHasher(5).hash("x")).startsWith("$2a$05$");
    }

    @Test
    void malformedHashReturnsFalse() {
        for (String hash : List.of("", "not a hash", "$2a$04$short", "$2a$99$" + "a".repeat(53), "$1$abc",
                "$2a$04$" + "!".repeat(53))) {
            assertThat(hasher.matches("password", hash)).as("hash %s", hash).isFalse();
        }
        assertThat(hasher.matches("password", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("password"))).isFalse();
    }

    @Test
    void costOutsideRangeIsRejected() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 4 and 31");
        assertThatThrownBy(() -> new BcryptPasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
