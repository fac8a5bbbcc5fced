package ai.evo.core.application.auth;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks email and password logins and locks accounts after repeated failures.
 *
 * <p>Every failure, whatever its cause (unknown email, wrong password, inactive or locked account), raises the
 * same {@link AuthenticationException} after one bcrypt verification, so neither the answer nor its timing tells
 * which emails exist. Each attempt on an existing account is counted atomically before its password is checked,
 * so parallel guesses cannot exceed the lockout threshold. Thread-safe.
 */
public final class AuthenticationService {
    /** The one message every failed login gets. */
    public static final String LOGIN_FAILED = "invalid email or password";

    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditRecorder audit;
    private final LockoutPolicy lockout;
    private final Clock clock;
    private final String dummyHash;

    /**
     * Creates the service. Hashes one random password at once, to verify against when an email is unknown.
     *
     * @param transactions runs each write atomically
     * @param users        the user store
     * @param hasher       the password hasher
     * @param audit        the audit writer
     * @param lockout      when failures lock an account
     * @param clock        the current time
     */
    public AuthenticationService(Transactions transactions, UserRepository users, PasswordHasher hasher,
                                 AuditRecorder audit, LockoutPolicy lockout, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        recordFailure(user, attempt.get(), origin);
        throw new AuthenticationException(LOGIN_FAILED);
    }

    private void recordFailure(User user, LoginAttempt attempt, RequestOrigin origin) {
        Caller actor = new Caller(user.id(), user.admin(), user.clientId(), origin);
        transactions.inTransaction(() -> {
            audit.record(actor, AuditAction.LOGIN_FAILED, ResourceType.USER, user.id().value(), user.clientId(),
                    Map.of("attempt", attempt.number()));
            if (attempt.locksAccount()) {
                audit.record(actor, AuditAction.ACCOUNT_LOCKED, ResourceType.USER, user.id().value(),
                        user.clientId(), Map.of("attempts", attempt.number(),
                                "locked_for_seconds", lockout.duration().toSeconds()));
            }
            return null;
        });
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(EmailAddress.parse("email", email));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
