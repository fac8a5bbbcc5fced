package ai.evo.core.application.auth;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.OneTimeToken;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Password recovery and change. A reset or a change replaces the hash and increments the account's token
 * version in one transaction, so every access token issued before stops working. Thread-safe.
 */
public final class PasswordService {
    /** The message for a wrong current password in a change. */
    public static final String WRONG_CURRENT_PASSWORD = "does not match the account's password";

    private final IdentityDependencies deps;
    private final AccountTokens tokens;
    private final LoginFailures failures;

    /**
     * Creates the service.
     *
     * @param deps the shared ports and settings
     */
    public PasswordService(IdentityDependencies deps) {
        this.deps = Objects.requireNonNull(deps, "deps");
        this.tokens = new AccountTokens(deps);
        this.failures = new LoginFailures(deps.transactions(), deps.audit(), deps.outbox(), tokens.mails(),
                deps.ids(), deps.lockout(), deps.clock());
    }

    /**
     * Sends a password reset token when the email belongs to an active account, voiding older reset tokens.
     * Does nothing otherwise, and the caller cannot tell the difference.
     *
     * @param origin where the request came from
     * @param email  the email as typed; letter case and surrounding spaces do not matter
     * @throws ValidationException when the input is not an email address
     */
    public void requestReset(RequestOrigin origin, String email) {
        EmailAddress address = EmailAddress.parse("email", email);
        deps.users().findByEmail(address).filter(User::active).ifPresent(user ->
                deps.transactions().inTransaction(() -> {
                    tokens.sendPasswordReset(user);
                    deps.audit().record(actor(user, origin), AuditAction.PASSWORD_RESET_REQUESTED,
                            ResourceType.USER, user.id().value(), user.clientId(), Map.of());
                    return null;
                }));
    }

    /**
     * Sets a new password with a reset token. The token is checked first and spent only when the new password
     * is valid, so a rejected password leaves it usable. Success voids every other reset token of the account,
     * lifts a lockout and voids every access token issued before.
     *
     * @param origin      where the request came from
     * @param token       the token as received
     * @param newPassword the new password
     * @return the updated account
     * @throws ValidationException with one generic message on {@code token} for any token that cannot be used,
     *                             or naming the rules the new password breaks
     */
    public User resetPassword(RequestOrigin origin, String token, String newPassword) {
        String hash = OneTimeToken.hashOf(token).orElseThrow(() -> AccountTokens.invalidToken("token"));
        Instant now = deps.clock().instant();
        UserId owner = deps.tokens().findUsable(hash, OneTimeTokenPurpose.PASSWORD_RESET, now)
                .orElseThrow(() -> AccountTokens.invalidToken("token"));
        User user = deps.users().findById(owner).orElseThrow(() -> AccountTokens.invalidToken("token"));
        checkNewPassword(user, newPassword);
        String newHash = deps.hasher().hash(newPassword);
        return deps.transactions().inTransaction(() -> {
            Instant usedAt = deps.clock().instant();
            UserId consumed = deps.tokens().consume(hash, OneTimeTokenPurpose.PASSWORD_RESET, usedAt)
                    .filter(owner::equals)
                    .orElseThrow(() -> AccountTokens.invalidToken("token"));
            User before = deps.users().findByIdForUpdate(consumed)
                    .orElseThrow(() -> AccountTokens.invalidToken("token"));
            User after = deps.users().updatePassword(consumed, newHash, true)
                    .orElseThrow(() -> AccountTokens.invalidToken("token"));
            deps.tokens().voidAll(consumed, OneTimeTokenPurpose.PASSWORD_RESET, usedAt);
            deps.audit().recordChange(actor(after, origin), AuditAction.PASSWORD_RESET, ResourceType.USER,
                    consumed.value(), after.clientId(), Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Changes the caller's own password. The current password is checked like a login: the attempt counts
     * toward the lockout, and a wrong one is audited. Success voids every access token issued before,
     * the caller's own included.
     *
     * @param caller          who acts
     * @param currentPassword the password the account has now
     * @param newPassword     the new password
     * @return the updated account
     * @throws AuthenticationException when the caller is no signed-in user or the account no longer exists
     * @throws ValidationException     when the current password is wrong, the account is locked, or the new
     *                                 password breaks a rule
     */
    public User changePassword(Caller caller, String currentPassword, String newPassword) {
        if (caller.userId() == null) {
            throw new AuthenticationException("sign in to change a password");
        }
        User user = deps.users().findById(caller.userId())
                .orElseThrow(() -> new AuthenticationException("the account no longer exists"));

        Validator validator = new Validator();
        if (currentPassword == null || currentPassword.isEmpty()) {
            validator.reject("current_password", "is required");
        }
        checkNewPassword(validator, user, newPassword);
        validator.throwIfInvalid();

        Optional<LoginAttempt> attempt = deps.users().beginLoginAttempt(user.id(), deps.lockout(),
                deps.clock().instant());
        if (attempt.isEmpty()) {
            throw ValidationException.of("current_password",
                    "cannot be checked while the account is locked after failed attempts; try again later");
        }
        if (!deps.hasher().matches(currentPassword, user.passwordHash())) {
            failures.record(user, attempt.get(), caller.origin());
            throw ValidationException.of("current_password", WRONG_CURRENT_PASSWORD);
        }
        deps.users().recordSuccessfulLogin(user.id(), attempt.get());

        String newHash = deps.hasher().hash(newPassword);
        return deps.transactions().inTransaction(() -> {
            User before = deps.users().findByIdForUpdate(user.id())
                    .orElseThrow(() -> new AuthenticationException("the account no longer exists"));
            User after = deps.users().updatePassword(user.id(), newHash, false).orElseThrow();
            deps.audit().recordChange(caller, AuditAction.PASSWORD_CHANGED, ResourceType.USER, user.id().value(),
                    after.clientId(), Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    private void checkNewPassword(User user, String newPassword) {
        Validator validator = new Validator();
        checkNewPassword(validator, user, newPassword);
        validator.throwIfInvalid();
    }

    private void checkNewPassword(Validator validator, User user, String newPassword) {
        String clientName = user.client().flatMap(deps.clients()::findById)
                .map(Client::details).map(details -> details.name()).orElse(null);
        deps.passwords().check(validator, "new_password", newPassword, user.email(), clientName);
    }

    private static Caller actor(User user, RequestOrigin origin) {
        return new Caller(user.id(), user.admin(), user.clientId(), origin);
    }
}
