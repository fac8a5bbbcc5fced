package ai.evo.core.application.auth;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Builds the emails of the account flows. Links start with the configured public URL. Thread-safe. */
public final class AccountMails {
    private final IdentitySettings settings;

    /**
     * Creates the builder.
     *
     * @param settings the public URL and token lifetimes
     */
    public AccountMails(IdentitySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Builds the message with the email verification link.
     *
     * @param to    the recipient
     * @param token the verification token
     * @return the message
     */
    public MailMessage verification(EmailAddress to, String token) {
        String link = settings.publicUrl() + "/api/v1/auth/verify-email/" + token;
        return new MailMessage(to, "Verify your email address", """
                Open this link to verify your email address and activate your account:

                %s

                The link works once and expires in %s. If you did not sign up, ignore this message.
                """.formatted(link, describe(settings.verificationTokenLifetime())));
    }

    /**
     * Builds the message with a password reset token.
     *
     * @param to    the recipient
     * @param token the reset token
     * @return the message
     */
    public MailMessage passwordReset(EmailAddress to, String token) {
        String endpoint = settings.publicUrl() + "/api/v1/auth/reset-password";
        return new MailMessage(to, "Reset your password", """
                Someone asked to reset the password of your account. To choose a new password, send this token \
                with the new password to %s as {"token": "...", "new_password": "..."}:

                %s

                The token works once and expires in %s. If you did not ask for it, ignore this message and your \
                password stays unchanged.
                """.formatted(endpoint, token, describe(settings.resetTokenLifetime())));
    }

    /**
     * Builds the notice that repeated failed logins locked the account.
     *
     * @param to          the recipient
     * @param attempts    the failed attempts that led to the lock
     * @param lockedUntil when the lock ends
     * @return the message
     */
    public MailMessage accountLocked(EmailAddress to, int attempts, Instant lockedUntil) {
        String forgot = settings.publicUrl() + "/api/v1/auth/forgot-password";
        return new MailMessage(to, "Your account was locked", """
                Your account was locked after %d failed sign-in attempts. It unlocks at %s (UTC).

                If these attempts were not yours, someone may be guessing your password. Choose a new one through \
                %s, or ask an administrator to unlock the account.
                """.formatted(attempts, lockedUntil.truncatedTo(ChronoUnit.SECONDS), forgot));
    }

    private static String describe(Duration lifetime) {
        if (lifetime.toMinutesPart() == 0 && lifetime.toSecondsPart() == 0) {
            long hours = lifetime.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long minutes = Math.max(1, lifetime.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
