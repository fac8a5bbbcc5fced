package ai.evo.core.persistence;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link UserRepository} on the {@code "user"} table. The login counter changes in single statements that lock
 * the row, so parallel requests never lose an update. Thread-safe.
 */
final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS = """
            id, email, password_hash, client_id, is_active, email_verified, is_admin, failed_login_attempts,
            locked_until, created_at, updated_at""";

    private static final String INSERT = """
            INSERT INTO "user" (id, email, password_hash, client_id, is_active, email_verified, is_admin,
                                failed_login_attempts)
            VALUES (:id, :email, :passwordHash, :clientId, :active, :emailVerified, :admin, 0)
            RETURNING\s""" + COLUMNS;
    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM \"user\" WHERE id = :id";
    private static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM \"user\" WHERE email = :email";
    private static final String EXISTS_ACTIVE_ADMIN =
            "SELECT EXISTS (SELECT 1 FROM \"user\" WHERE is_admin AND is_active)";

    /*
     * One statement counts the attempt and, at the threshold, locks the account. The row lock that UPDATE takes
     * serializes racing attempts. Under READ COMMITTED a waiting UPDATE re-checks its WHERE clause against the
     * row version the previous one committed, so once an attempt has set the lock every later one matches no row.
     * The WHERE clause lets through only rows whose lock is absent or expired; an expired lock restarts the
     * count at 1. locked_until is a timestamp without time zone that holds UTC, and :now is bound as UTC.
     */
    private static final String BEGIN_LOGIN_ATTEMPT = """
            UPDATE "user" SET
                failed_login_attempts = CASE WHEN locked_until IS NOT NULL THEN 1
                                             ELSE COALESCE(failed_login_attempts, 0) + 1 END,
                locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1
                                               ELSE COALESCE(failed_login_attempts, 0) + 1 END) >= :threshold
                                    THEN :lockedUntil
                                    ELSE NULL END
            WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)
            RETURNING failed_login_attempts, failed_login_attempts >= :threshold AS locks_account
            """;
    private static final String RECORD_SUCCESS = """
            UPDATE "user" SET failed_login_attempts = 0
            WHERE id = :id
            """;
    private static final String RECORD_SUCCESS_AND_UNLOCK = """
            UPDATE "user" SET failed_login_attempts = 0, locked_until = NULL
            WHERE id = :id
            """;

    private static final RowMapper<User> MAPPER = (rows, context) -> {
        UUID clientId = rows.getObject("client_id", UUID.class);
        return new User(
                new UserId(rows.getObject("id", UUID.class)),
                new EmailAddress(rows.getString("email")),
                rows.getString("password_hash"),
                clientId == null ? null : new ClientId(clientId),
                rows.getBoolean("is_active"),
                rows.getBoolean("email_verified"),
                rows.getBoolean("is_admin"),
                rows.getInt("failed_login_attempts"),
                Timestamps.utcInstant(rows, "locked_until"),
                Timestamps.instant(rows, "created_at"),
                Timestamps.instant(rows, "updated_at"));
    };

    private final Database database;

    JdbiUserRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public User insert(NewUser user) {
        Objects.requireNonNull(user, "user");
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "user_email_key", () -> new ConflictException("email is already registered"),
                "user_pkey", () -> new ConflictException("a user with id " + user.id() + " already exists"),
                "user_client_id_fkey", () -> new NotFoundException("client"));
        // The hash goes into no error message, so it is not listed among the fields.
        WriteFields fields = new WriteFields().with("email", user.email().value(), EmailAddress.MAX_LENGTH);
        return database.write(fields, constraints, handle -> handle.createQuery(INSERT)
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("passwordHash", user.passwordHash())
                .bind("clientId", user.clientId() == null ? null : user.clientId().value())
                .bind("active", user.active())
                .bind("emailVerified", user.emailVerified())
                .bind("admin", user.admin())
                .map(MAPPER)
                .one());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return database.execute(handle -> handle.createQuery(FIND_BY_ID)
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return database.execute(handle -> handle.createQuery(FIND_BY_EMAIL)
                .bind("email", email.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public boolean existsActiveAdmin() {
        return database.execute(handle -> handle.createQuery(EXISTS_ACTIVE_ADMIN).mapTo(Boolean.class).one());
    }

    @Override
    public Optional<LoginAttempt> beginLoginAttempt(UserId id, LockoutPolicy policy, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        return database.execute(handle -> handle.createQuery(BEGIN_LOGIN_ATTEMPT)
                .bind("id", id.value())
                .bind("threshold", policy.threshold())
                .bind("now", Timestamps.utc(now))
                .bind("lockedUntil", Timestamps.utc(policy.lockedUntil(now)))
                .map((rows, context) -> new LoginAttempt(
                        rows.getInt("failed_login_attempts"), rows.getBoolean("locks_account")))
                .findOne());
    }

    @Override
    public void recordSuccessfulLogin(UserId id, LoginAttempt attempt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attempt, "attempt");
        String sql = attempt.locksAccount() ? RECORD_SUCCESS_AND_UNLOCK : RECORD_SUCCESS;
        database.execute(handle -> handle.createUpdate(sql).bind("id", id.value()).execute());
    }
}
