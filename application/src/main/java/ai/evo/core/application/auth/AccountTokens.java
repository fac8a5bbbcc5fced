package ai.evo.core.application.auth;

import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.OneTimeToken;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues one-time tokens and queues the mails that carry them. Call it inside the transaction of the change
 * that causes the mail, so token and mail commit together. Thread-safe.
 */
public final class AccountTokens {
    /** The one message for every token that is malformed, unknown, expired, used or voided. */
    public static final String INVALID_TOKEN = "is invalid, expired or already used; request a new one";

    private final IdentityDependencies deps;
    private final AccountMails mails;

    /**
     * Creates the issuer.
     *
     * @param deps the shared ports and settings
     */
    public AccountTokens(IdentityDependencies deps) {
        this.deps = Objects.requireNonNull(deps, "deps");
        this.mails = new AccountMails(deps.settings());
    }

    /** Returns the mail builder that uses the same settings. */
    public AccountMails mails() {
        return mails;
    }

    /**
     * Issues a verification token, voiding older ones, and queues the mail with its link.
     *
     * @param user the account to verify
     */
    public void sendVerification(User user) {
        String token = issue(user, OneTimeTokenPurpose.EMAIL_VERIFICATION,
                deps.settings().verificationTokenLifetime());
        deps.outbox().enqueue(deps.ids().newId(), mails.verification(user.email(), token));
    }

    /**
     * Issues a password reset token, voiding older ones, and queues the mail that carries it.
     *
     * @param user the account
     */
    public void sendPasswordReset(User user) {
        String token = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, deps.settings().resetTokenLifetime());
        deps.outbox().enqueue(deps.ids().newId(), mails.passwordReset(user.email(), token));
    }

    /**
     * Returns the error for a token that cannot be used, with one message whatever the reason.
     *
     * @param field the field that carried the token
     * @return the exception, ready to throw
     */
    public static ValidationException invalidToken(String field) {
        return ValidationException.of(field, INVALID_TOKEN);
    }

    private String issue(User user, OneTimeTokenPurpose purpose, Duration lifetime) {
        OneTimeToken token = OneTimeToken.generate();
        Instant now = deps.clock().instant();
        deps.tokens().issue(deps.ids().newId(), user.id(), purpose, token.hash(), now.plus(lifetime), now);
        return token.value();
    }
}
