package ai.evo.core.persistence;

import ai.evo.core.domain.common.Secret;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Encrypts secrets for storage in a text column with Tink AEAD. The associated data is
 * {@code <table>:<row id>:<field>}, so a ciphertext copied to another row or column fails to decrypt instead of
 * revealing its secret there. The stored form is {@value #PREFIX} followed by the base64 of Tink's output;
 * the prefix leaves room for another format later. Thread-safe.
 */
final class SecretCipher {
    static final String PREFIX = "v1:";

    private final Aead aead;

    SecretCipher(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            AeadConfig.register();
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the secrets keyset does not contain a usable AEAD key: " + e.getMessage(), e);
        }
    }

    /**
     * Encrypts a secret for one field of one row.
     *
     * @return the stored form
     */
    String encrypt(String table, UUID rowId, String field, Secret secret) {
        try {
            byte[] ciphertext = aead.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8),
                    associatedData(table, rowId, field));
            return PREFIX + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to encrypt " + table + "." + field + " of row " + rowId, e);
        }
    }

    /**
     * Decrypts the stored form of one field of one row.
     *
     * @throws SecretDecryptionException when the value is not in the stored form or belongs to another row,
     *                                   field or key
     */
    Secret decrypt(String table, UUID rowId, String field, String stored) {
        String location = table + "." + field + " of row " + rowId;
        if (!stored.startsWith(PREFIX)) {
            throw new SecretDecryptionException("cannot decrypt " + location
                    + ": the stored value does not start with " + PREFIX + ", so it is not a ciphertext this"
                    + " service wrote", null);
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] clear = aead.decrypt(ciphertext, associatedData(table, rowId, field));
            return Secret.of(new String(clear, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretDecryptionException("cannot decrypt " + location + ": the ciphertext was made for"
                    + " another row or field, was altered, or needs a key missing from the secrets keyset", e);
        }
    }

    private static byte[] associatedData(String table, UUID rowId, String field) {
        return (table + ":" + rowId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
