package ai.evo.core.application.auth;

import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.User;
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
     * Checks a login.
     *
     * @param email    the email as typed; letter case and surrounding spaces do not matter
     * @param password the password
     * @param origin   where the request came from
     * @return the signed-in user
     * @throws AuthenticationException for every kind of failure, with the same message
     */
    public User login(String email, String password, RequestOrigin origin) {
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
            users.recordSuccessfulLogin(user.id(), attempt.get());
            return user;
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
