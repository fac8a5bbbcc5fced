package ai.evo.core.domain.user;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Validator;
import java.util.Locale;
import java.util.Objects;

/**
 * Every rule a new password must follow, after NIST SP 800-63B: the length limits of a {@link PasswordPolicy},
 * no composition rules, and no password that an attacker would guess first. That means none from the common
 * password dictionary and none equal to the account's email, its local part or its organization's name,
 * ignoring letter case and surrounding spaces. The whole password counts, so the hasher must count every byte.
 * Immutable and thread-safe.
 */
public final class PasswordRules {
    private final PasswordPolicy policy;
    private final CommonPasswords dictionary;

    /**
     * Creates the rules.
     *
     * @param policy     the length limits
     * @param dictionary the common passwords to reject
     */
    public PasswordRules(PasswordPolicy policy, CommonPasswords dictionary) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    /** Returns the length limits. */
    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * Records every rule a new password breaks.
     *
     * @param validator  collects the errors
     * @param field      the field path, for example {@code new_password}
     * @param password   the candidate, possibly null
     * @param email      the account's email, or null when unknown
     * @param clientName the name of the account's organization, or null when it has none
     */
    public void check(Validator validator, String field, String password, EmailAddress email, String clientName) {
        if (!policy.check(validator, field, password)) {
            return;
        }
        String folded = fold(password);
        if (dictionary.contains(password)) {
            validator.reject(field, "is a commonly used password that attackers try first; choose another one,"
                    + " for example a few unrelated words");
        } else if (email != null && (folded.equals(fold(email.localPart())) || folded.equals(email.value()))) {
            validator.reject(field, "must not be the account's email address or the part before the @");
        } else if (clientName != null && folded.equals(fold(clientName))) {
            validator.reject(field, "must not be the organization's name");
        }
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
