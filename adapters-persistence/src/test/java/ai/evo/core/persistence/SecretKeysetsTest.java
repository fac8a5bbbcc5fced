package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.common.Secret;
import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysetsTest {
    private static final UUID ROW = UUID.fromString("0190c1c2-7a3e-7b4d-8e5f-123456789abc");
    private static final Secret KEY = Secret.of("sk-test-AAAAAAAAAAAAAAAA");

    @TempDir
    Path directory;

    @Test
    void createdFileIsPrivateAndReloads() throws IOException {
        Path file = directory.resolve("secrets.json");

        KeysetHandle created = SecretKeysets.loadOrCreate(file);
        KeysetHandle reloaded = SecretKeysets.loadOrCreate(file);
        KeysetHandle loaded = SecretKeysets.load(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String stored = new SecretCipher(created).encrypt("agent", ROW, "api_key", KEY);
        assertThat(new SecretCipher(reloaded).decrypt("agent", ROW, "api_key", stored)).isEqualTo(KEY);
        assertThat(new SecretCipher(loaded).decrypt("agent", ROW, "api_key", stored)).isEqualTo(KEY);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void missingFileNamesPath() {
        Path file = directory.resolve("missing.json");

        assertThatThrownBy(() -> SecretKeysets.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not found: " + file);
    }

    @Test
    void malformedFileNamesPath() throws IOException {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\"primaryKeyId\": 1, \"key\": \"secret-looking-text\"}");

        assertThatThrownBy(() -> SecretKeysets.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a valid Tink JSON keyset")
                .hasMessageNotContaining("secret-looking-text");
    }

    @Test
    void otherKeysetCannotDecrypt() {
        String stored = new SecretCipher(SecretKeysets.generate()).encrypt("agent", ROW, "api_key", KEY);

        assertThatThrownBy(() -> new SecretCipher(SecretKeysets.generate()).decrypt("agent", ROW, "api_key", stored))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void associatedDataBindsRowAndField() {
        SecretCipher cipher = new SecretCipher(SecretKeysets.generate());
        String stored = cipher.encrypt("agent", ROW, "api_key", KEY);

        assertThat(stored).startsWith("v1:").doesNotContain(KEY.reveal());
        assertThatThrownBy(() -> cipher.decrypt("agent", UUID.randomUUID(), "api_key", stored))
                .isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("agent", ROW, "instruction", stored))
                .isInstanceOf(SecretDecryptionException.class);
        assertThat(cipher.decrypt("agent", ROW, "api_key", stored)).isEqualTo(KEY);
    }
}
