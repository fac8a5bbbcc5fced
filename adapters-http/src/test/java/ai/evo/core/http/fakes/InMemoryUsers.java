package ai.evo.core.http.fakes;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in a map; the lockout counter follows the repository contract, synchronized instead of atomic SQL. */
public final class InMemoryUsers implements UserRepository {
    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryUsers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized User insert(NewUser user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new ConflictException("email already registered");
        }
        Instant now = clock.instant();
        User stored = new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), 0, null, now, now);
        users.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return users.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public boolean existsActiveAdmin() {
        return users.values().stream().anyMatch(user -> user.admin() && user.active());
    }

    @Override
    public synchronized Optional<LoginAttempt> beginLoginAttempt(UserId id, LockoutPolicy policy, Instant now) {
        User user = users.get(id);
        if (user.isLockedAt(now)) {
            return Optional.empty();
        }
        int attempts = user.lockedUntil() != null ? 1 : user.failedLoginAttempts() + 1;
        boolean locks = attempts >= policy.threshold();
        users.put(id, new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), attempts, locks ? policy.lockedUntil(now) : null,
                user.createdAt(), now));
        return Optional.of(new LoginAttempt(attempts, locks));
    }

    @Override
    public synchronized void recordSuccessfulLogin(UserId id, LoginAttempt attempt) {
        User user = users.get(id);
        users.put(id, new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), 0, attempt.locksAccount() ? null : user.lockedUntil(),
                user.createdAt(), clock.instant()));
    }
}
