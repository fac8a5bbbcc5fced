package ai.evo.core.domain.user;

/**
 * One-way password hashing. Implementations count every byte of the password, however long, and are safe
 * for concurrent use.
 */
public interface PasswordHasher {

    /**
     * Hashes a password with a fresh salt.
     *
     * @param password the clear-text password
     * @return the encoded hash, including algorithm, cost and salt
     */
    String hash(String password);

    /**
     * Checks a password against a stored hash in time that does not depend on where they differ.
     *
     * @param password the clear-text password
     * @param hash     a hash produced by {@link #hash}
     * @return whether they match; false for a malformed hash
     */
    boolean matches(String password, String hash);
}
