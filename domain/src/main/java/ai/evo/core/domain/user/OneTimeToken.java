package ai.evo.core.domain.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A freshly generated one-time token: 256 random bits, sent to the user in base64url form, and the SHA-256 hash
 * of that form, which is the only thing stored. Reading the table therefore reveals no usable token.
 *
 * @param value the token to send, 43 base64url characters without padding
 * @param hash  the lower-case hex SHA-256 of {@code value}, 64 characters
 */
public record OneTimeToken(String value, String hash) {
    /** Random bytes per token. */
    public static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    public OneTimeToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * Generates a new token from a fresh {@link SecureRandom}, so the domain keeps no shared generator state.
     * Thread-safe.
     */
    public static OneTimeToken generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OneTimeToken(value, sha256(value));
    }

    /**
     * Computes the stored hash of a token as received, after checking its form. Tokens are case-sensitive, so a
     * token with a changed letter case hashes to a different value and matches nothing.
     *
     * @param received the token from a link or request, possibly null
     * @return the hash to look up, or empty when the input cannot be a token
     */
    public static Optional<String> hashOf(String received) {
        if (received == null || !FORMAT.matcher(received).matches()) {
            return Optional.empty();
        }
        return Optional.of(sha256(received));
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OneTimeToken[hash=" + hash + "]";
    }
}
