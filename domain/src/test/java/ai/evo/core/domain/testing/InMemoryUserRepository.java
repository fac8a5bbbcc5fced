package ai.evo.core.domain.testing;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.user.AccessState;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserQuery;
import ai.evo.core.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * User store in a map with the same login-attempt rules as the database adapter, for unit tests of the use
 * cases. Methods are synchronized, so each behaves atomically like its single SQL statement.
 */
public final class InMemoryUserRepository implements UserRepository {
    private final Map<UserId, User> rows = new LinkedHashMap<>();
    private final Map<UserId, Long> tokenVersions = new HashMap<>();
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

    @Override
    public synchronized Optional<User> findByIdForUpdate(UserId id) {
        return findById(id);
    }

    @Override
    public synchronized Optional<AccessState> findAccessState(UserId id) {
        return findById(id).map(user -> new AccessState(user.id(), user.active(), user.admin(), user.clientId(),
                tokenVersions.getOrDefault(id, 0L)));
    }

    @Override
    public synchronized Optional<User> markEmailVerified(UserId id) {
        return change(id, false, user -> copy(user, user.passwordHash(), true, true, user.admin(),
                user.failedLoginAttempts(), user.lockedUntil()));
    }

    @Override
    public synchronized Optional<User> updatePassword(UserId id, String passwordHash, boolean clearLockout) {
        return change(id, true, user -> copy(user, passwordHash, user.active(), user.emailVerified(), user.admin(),
                clearLockout ? 0 : user.failedLoginAttempts(), clearLockout ? null : user.lockedUntil()));
    }

    @Override
    public synchronized Optional<User> updateActive(UserId id, boolean active) {
        return change(id, true, user -> copy(user, user.passwordHash(), active, user.emailVerified(), user.admin(),
                user.failedLoginAttempts(), user.lockedUntil()));
    }

    @Override
    public synchronized Optional<User> updateAdmin(UserId id, boolean admin) {
        return change(id, true, user -> copy(user, user.passwordHash(), user.active(), user.emailVerified(), admin,
                user.failedLoginAttempts(), user.lockedUntil()));
    }

    @Override
    public synchronized Optional<User> unlock(UserId id) {
        return change(id, false, user -> withCounters(user, 0, null));
    }

    @Override
    public synchronized List<UserId> lockActiveAdmins() {
        return rows.values().stream().filter(user -> user.admin() && user.active()).map(User::id).toList();
    }

    @Override
    public synchronized Page<User> list(UserQuery query, PageRequest page, Instant now) {
        Comparator<User> order = Comparator.comparing(User::createdAt).thenComparing(user -> user.id().value());
        List<User> after = rows.values().stream()
                .sorted(order)
                .filter(user -> query.admin().map(admin -> admin == user.admin()).orElse(true))
                .filter(user -> query.clientId().map(client -> client.equals(user.clientId())).orElse(true))
                .filter(user -> query.active().map(active -> active == user.active()).orElse(true))
                .filter(user -> query.locked().map(locked -> locked == user.isLockedAt(now)).orElse(true))
                .filter(user -> page.after().map(cursor -> isAfter(user, cursor)).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(after, page, user -> new Cursor(user.createdAt(), user.id().value()));
    }

    /**
     * Returns the token version of an account, which the changes that void access tokens increment.
     *
     * @param id the account
     * @return the version, 0 for a new account
     */
    public synchronized long tokenVersion(UserId id) {
        return tokenVersions.getOrDefault(id, 0L);
    }

    private Optional<User> change(UserId id, boolean bumpTokenVersion, UnaryOperator<User> update) {
        User user = rows.get(id);
        if (user == null) {
            return Optional.empty();
        }
        User updated = update.apply(user);
        rows.put(id, updated);
        if (bumpTokenVersion) {
            tokenVersions.merge(id, 1L, Long::sum);
        }
        return Optional.of(updated);
    }

    private static boolean isAfter(User user, Cursor cursor) {
        int byTime = user.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && user.id().value().compareTo(cursor.id()) > 0);
    }

    private User copy(User user, String passwordHash, boolean active, boolean emailVerified, boolean admin,
                      int attempts, Instant lockedUntil) {
        return new User(user.id(), user.email(), passwordHash, user.clientId(), active, emailVerified, admin,
                attempts, lockedUntil, user.createdAt(), clock.instant());
    }

    private User withCounters(User user, int attempts, Instant lockedUntil) {
        return new User(user.id(), user.email(), user.passwordHash(), user.clientId(), user.active(),
                user.emailVerified(), user.admin(), attempts, lockedUntil, user.createdAt(), clock.instant());
    }
}
