package ai.evo.core.application.auth;

import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.AccessState;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks email and password logins and locks accounts after repeated failures.
 *
 * <p>Every failure, whatever its cause (unknown email, wrong password, inactive or locked account), raises the
 * same {@link AuthenticationException} after one bcrypt verification, so neither the answer nor its timing tells
 * which emails exist. Each attempt on an existing account is counted atomically before its password is checked,
 * so parallel guesses cannot exceed the lockout threshold. The attempt that locks the account also queues a
 * notice to its owner. Thread-safe.
 */
public final class AuthenticationService {
    /** The one message every failed login gets. */
    public static final String LOGIN_FAILED = "invalid email or password";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Clock clock;
    private final LoginFailures failures;
    private final String dummyHash;

    /**
     * Creates the service. Hashes one random password at once, to verify against when an email is unknown.
     *
     * @param deps the shared ports and settings
     */
    public AuthenticationService(IdentityDependencies deps) {
        Objects.requireNonNull(deps, "deps");
        this.users = deps.users();
        this.hasher = deps.hasher();
        this.lockout = deps.lockout();
        this.clock = deps.clock();
        this.failures = new LoginFailures(deps.transactions(), deps.audit(), deps.outbox(),
                new AccountMails(deps.settings()), deps.ids(), deps.lockout(), deps.clock());
        this.dummyHash = hasher.hash(PasswordGenerator.generate());
    }

    /**
     * A successful login.
     *
     * @param user         the signed-in user
     * @param tokenVersion the account's token version, to put into the access token
     */
    public record SignIn(User user, long tokenVersion) {
        public SignIn {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Checks a login.
     *
     * @param email    the email as typed; letter case and surrounding spaces do not matter
     * @param password the password
     * @param origin   where the request came from
     * @return the signed-in user
     * @throws AuthenticationException for every kind of failure, with the same message
     */
    public User login(String email, String password, RequestOrigin origin) {
        return signIn(email, password, origin).user();
    }

    /**
     * Reads what decides whether an account's access tokens still work, for the check on every request.
     *
     * @param id the account
     * @return the state, or empty when the account no longer exists
     */
    public Optional<AccessState> accessState(UserId id) {
        return users.findAccessState(id);
    }

    /**
     * Checks a login and returns the token version that the new access token must carry.
     *
     * <p>The version is read after the password hash and before the hash is read again. So when a password
     * change commits while this login runs, either the second read sees the new hash and the login fails, or
     * the token gets the old version and stops working at once.
     *
     * @param email    the email as typed; letter case and surrounding spaces do not matter
     * @param password the password
     * @param origin   where the request came from
     * @return the signed-in user and its token version
     * @throws AuthenticationException for every kind of failure, with the same message
     */
    public SignIn signIn(String email, String password, RequestOrigin origin) {
        Objects.requireNonNull(password, "password");
        Optional<User> found = parse(email).flatMap(users::findByEmail).filter(User::active);
        if (found.isEmpty()) {
            hasher.matches(password, dummyHash);
            throw new AuthenticationException(LOGIN_FAILED);
        }
        User user = found.get();
        Optional<LoginAttempt> attempt = users.beginLoginAttempt(user.id(), lockout, clock.instant());
        if (attempt.isEmpty()) {
            hasher.matches(password, dummyHash);
            throw new AuthenticationException(LOGIN_FAILED);
        }
        if (hasher.matches(password, user.passwordHash())) {
            Optional<AccessState> state = users.findAccessState(user.id());
            boolean unchanged = users.findById(user.id())
                    .filter(current -> current.active() && current.passwordHash().equals(user.passwordHash()))
                    .isPresent();
            if (state.isEmpty() || !unchanged) {
                throw new AuthenticationException(LOGIN_FAILED);
            }
            users.recordSuccessfulLogin(user.id(), attempt.get());
            return new SignIn(user, state.get().tokenVersion());
        }
        failures.record(user, attempt.get(), origin);
        throw new AuthenticationException(LOGIN_FAILED);
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(EmailAddress.parse("email", email));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
