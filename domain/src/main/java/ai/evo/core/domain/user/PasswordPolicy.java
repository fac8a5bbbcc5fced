package ai.evo.core.domain.user;

import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Validator;

/**
 * Length rules for a new password, after NIST SP 800-63B: a minimum length and no composition rules. Lengths
 * count Unicode code points, so every character counts as one.
 *
 * @param minLength shortest accepted password
 * @param maxLength longest accepted password
 */
public record PasswordPolicy(int minLength, int maxLength) {
    /** Fifteen characters minimum, for a password that is the only authentication factor; 1024 maximum. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(15, 1024);

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "password lengths must satisfy 1 <= min <= max, got min " + minLength + ", max " + maxLength);
        }
    }

    /**
     * Records every rule a new password breaks.
     *
     * @param validator collects the errors
     * @param field     the field path, for example {@code password}
     * @param password  the candidate, possibly null
     * @return whether the password follows every rule
     */
    public boolean check(Validator validator, String field, String password) {
        if (password == null || password.isEmpty()) {
            validator.reject(field, "is required");
            return false;
        }
        boolean valid = true;
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            validator.reject(field, "must be at least " + minLength + " characters long; a longer passphrase is easier"
                    + " to remember than a complex short password");
            valid = false;
        } else if (length > maxLength) {
            validator.reject(field, "must be at most " + maxLength + " characters long");
            valid = false;
        }
        var problem = StorableText.problem(password);
        problem.ifPresent(message -> validator.reject(field, message));
        return valid && problem.isEmpty();
    }
}
