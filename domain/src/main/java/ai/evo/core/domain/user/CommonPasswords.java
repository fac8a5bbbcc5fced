package ai.evo.core.domain.user;

/**
 * A dictionary of passwords that attackers try first, such as those found in breach corpora. Implementations
 * are immutable and thread-safe.
 */
@FunctionalInterface
public interface CommonPasswords {

    /** A dictionary that contains no password, for tests and embedding applications without a list. */
    CommonPasswords NONE = password -> false;

    /**
     * Tells whether a password is in the dictionary, ignoring letter case.
     *
     * @param password the candidate
     * @return whether it is a common password
     */
    boolean contains(String password);
}
