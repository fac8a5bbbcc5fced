package ai.evo.core.persistence;

import ai.evo.core.domain.user.PasswordHasher;
import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * bcrypt password hashing with at.favre.lib bcrypt. bcrypt reads at most 72 bytes of input, so a password longer
 * than 72 UTF-8 bytes is first reduced to its SHA-512 digest (the library's {@code hashSha512} strategy, which
 * at.favre.lib bcrypt 0.10.2 applies above 72 bytes). Every byte of a long password then counts, and two passwords
 * that share their first 72 bytes do not match each other. Passwords of up to 72 bytes are hashed as they are, so
 * their hashes stay compatible with other bcrypt implementations. Hashes use the {@code $2a$} format. Thread-safe.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    /** Work factor when the configuration names none: 2^12 rounds. */
    public static final int DEFAULT_COST = 12;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;

    /**
     * Creates a hasher.
     *
     * @param cost the base-2 logarithm of the number of rounds, from 4 to 31; each step doubles the time
     */
    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST + ", got " + cost);
        }
        this.cost = cost;
    }

    /** Returns the work factor. */
    public int cost() {
        return cost;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] hash = BCrypt.with(VERSION, LONG_PASSWORDS).hash(cost, password.getBytes(StandardCharsets.UTF_8));
        return new String(hash, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            BCrypt.Result result = BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                    .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8));
            return result.validFormat && result.verified;
        } catch (RuntimeException e) {
            // The library raises IllegalArgumentException and similar for some malformed hashes.
            return false;
        }
    }
}
