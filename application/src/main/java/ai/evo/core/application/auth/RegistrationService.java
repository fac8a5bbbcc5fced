package ai.evo.core.application.auth;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.OneTimeToken;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Self-service sign-up: registration, email verification and resending the verification mail.
 *
 * <p>Registration creates a client organization and its first user, inactive and unverified, and queues the
 * verification mail in the same transaction. Emails are compared in their normalized form, and the database's
 * unique index decides between parallel sign-ups for one address, so exactly one succeeds and the others get
 * {@link ConflictException}. Thread-safe.
 */
public final class RegistrationService {
    /** The message for an email that already has an account. */
    public static final String EMAIL_TAKEN = "is already registered; sign in, or reset the password if it is lost";

    private final IdentityDependencies deps;
    private final AccountTokens tokens;

    /**
     * Creates the service.
     *
     * @param deps the shared ports and settings
     */
    public RegistrationService(IdentityDependencies deps) {
        this.deps = Objects.requireNonNull(deps, "deps");
        this.tokens = new AccountTokens(deps);
    }

    /**
     * Registers a new account with its own client organization named {@code name}.
     *
     * @param origin   where the request came from
     * @param email    the email as typed; letter case and surrounding spaces do not matter
     * @param password the chosen password
     * @param name     the organization's name
     * @return the new account, inactive until its email is verified
     * @throws ValidationException naming every invalid field
     * @throws ConflictException   when the email already has an account; nothing is created then
     */
    public User register(RequestOrigin origin, String email, String password, String name) {
        Validator validator = new Validator();
        String checkedName = StorableText.required(validator, "name", name, ClientDetails.MAX_NAME_LENGTH);
        EmailAddress address = validator.attempt(v -> EmailAddress.parse("email", email));
        String clientName = checkedName == null || checkedName.isBlank() ? null : checkedName.strip();
        deps.passwords().check(validator, "password", password, address, clientName);
        validator.throwIfInvalid();
        if (deps.users().findByEmail(address).isPresent()) {
            throw emailTaken();
        }
        String hash = deps.hasher().hash(password);
        return deps.transactions().inTransaction(() -> {
            Client client = deps.clients().insert(new ClientId(deps.ids().newId()),
                    new ClientDetails(clientName, address));
            User user = insertOrConflict(new NewUser(new UserId(deps.ids().newId()), address, hash, client.id(),
                    false, false, false));
            tokens.sendVerification(user);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", null);
            details.put("after", Snapshots.of(user));
            details.put("client", Snapshots.of(client));
            deps.audit().record(actor(user, origin), AuditAction.CREATE, ResourceType.USER, user.id().value(),
                    client.id(), details);
            return user;
        });
    }

    /**
     * Verifies an email with the token from the verification mail and activates the account.
     *
     * @param origin where the request came from
     * @param token  the token as received
     * @return the activated account
     * @throws ValidationException with one generic message for any token that cannot be used
     */
    public User verifyEmail(RequestOrigin origin, String token) {
        String hash = OneTimeToken.hashOf(token).orElseThrow(() -> AccountTokens.invalidToken("token"));
        return deps.transactions().inTransaction(() -> {
            UserId id = deps.tokens().consume(hash, OneTimeTokenPurpose.EMAIL_VERIFICATION, deps.clock().instant())
                    .orElseThrow(() -> AccountTokens.invalidToken("token"));
            User before = deps.users().findByIdForUpdate(id).orElseThrow(() -> AccountTokens.invalidToken("token"));
            User after = deps.users().markEmailVerified(id).orElseThrow(() -> AccountTokens.invalidToken("token"));
            deps.audit().recordChange(actor(after, origin), AuditAction.EMAIL_VERIFIED, ResourceType.USER,
                    id.value(), after.clientId(), Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Sends a new verification mail, which voids the older links, when the email belongs to an account that
     * still waits for verification. Does nothing otherwise, and the caller cannot tell the difference.
     *
     * @param origin where the request came from
     * @param email  the email as typed
     * @throws ValidationException when the input is not an email address
     */
    public void resendVerification(RequestOrigin origin, String email) {
        EmailAddress address = EmailAddress.parse("email", email);
        Optional<User> pending = deps.users().findByEmail(address).filter(user -> !user.emailVerified());
        // NOTE: an unverified account that an admin deactivated also qualifies, so verifying activates it again.
        pending.filter(user -> !user.active()).ifPresent(user -> deps.transactions().inTransaction(() -> {
            tokens.sendVerification(user);
            deps.audit().record(actor(user, origin), AuditAction.EMAIL_VERIFICATION_SENT, ResourceType.USER,
                    user.id().value(), user.clientId(), Map.of());
            return null;
        }));
    }

    private User insertOrConflict(NewUser user) {
        try {
            return deps.users().insert(user);
        } catch (ConflictException e) {
            throw emailTaken();
        }
    }

    private static Caller actor(User user, RequestOrigin origin) {
        return new Caller(user.id(), user.admin(), user.clientId(), origin);
    }

    /** Returns the conflict for an email that already has an account. */
    public static ConflictException emailTaken() {
        return new ConflictException("email " + EMAIL_TAKEN);
    }
}
