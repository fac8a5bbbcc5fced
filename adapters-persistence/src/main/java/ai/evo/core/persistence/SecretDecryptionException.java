package ai.evo.core.persistence;

/**
 * A stored secret could not be decrypted: the ciphertext was made for another row or field, was changed, or was
 * encrypted with a key that the loaded keyset lacks. The message names the table, field and row, never the
 * secret or the ciphertext.
 */
public final class SecretDecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
