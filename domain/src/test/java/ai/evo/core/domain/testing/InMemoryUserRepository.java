package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * User store in a map with the same login-attempt rules as the database adapter, for unit tests of the use
 * cases. Methods are synchronized, so each behaves atomically like its single SQL statement.
 */
public final class InMemoryUserRepository implements UserRepository {
    private final Map<UserId, User> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryUserRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized User insert(NewUser user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new ConflictException("email is already registered");
        }
        User stored = new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), 0, null, clock.instant(), clock.instant());
        rows.put(user.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<User> findByEmail(EmailAddress email) {
        return rows.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public synchronized boolean existsActiveAdmin() {
        return rows.values().stream().anyMatch(user -> user.admin() && user.active());
    }

    @Override
    public synchronized Optional<LoginAttempt> beginLoginAttempt(UserId id, LockoutPolicy policy, Instant now) {
        User user = rows.get(id);
        if (user == null || user.isLockedAt(now)) {
            return Optional.empty();
        }
        boolean lockExpired = user.lockedUntil() != null;
        int number = lockExpired ? 1 : user.failedLoginAttempts() + 1;
        boolean locks = number >= policy.threshold();
        Instant lockedUntil = locks ? policy.lockedUntil(now) : null;
        rows.put(id, withCounters(user, number, lockedUntil));
        return Optional.of(new LoginAttempt(number, locks));
    }

    @Override
    public synchronized void recordSuccessfulLogin(UserId id, LoginAttempt attempt) {
        User user = rows.get(id);
        if (user != null) {
            rows.put(id, withCounters(user, 0, attempt.locksAccount() ? null : user.lockedUntil()));
        }
    }

    private User withCounters(User user, int attempts, Instant lockedUntil) {
        return new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), attempts, lockedUntil, user.createdAt(), clock.instant());
    }
}
