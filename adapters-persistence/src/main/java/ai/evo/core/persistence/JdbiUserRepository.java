package ai.evo.core.persistence;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.NotFoundException;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

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

    private static final String FIND_BY_ID_FOR_UPDATE = FIND_BY_ID + " FOR UPDATE";
    private static final String FIND_ACCESS_STATE =
            "SELECT id, is_active, is_admin, client_id, token_version FROM \"user\" WHERE id = :id";
    private static final String MARK_EMAIL_VERIFIED = """
            UPDATE "user" SET is_active = TRUE, email_verified = TRUE
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String UPDATE_PASSWORD = """
            UPDATE "user" SET password_hash = :passwordHash, token_version = token_version + 1
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String UPDATE_PASSWORD_AND_UNLOCK = """
            UPDATE "user" SET password_hash = :passwordHash, token_version = token_version + 1,
                              failed_login_attempts = 0, locked_until = NULL
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String UPDATE_ACTIVE = """
            UPDATE "user" SET is_active = :active, token_version = token_version + 1
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String UPDATE_ADMIN = """
            UPDATE "user" SET is_admin = :admin, token_version = token_version + 1
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String UNLOCK = """
            UPDATE "user" SET failed_login_attempts = 0, locked_until = NULL
            WHERE id = :id
            RETURNING\s""" + COLUMNS;
    private static final String LOCK_ACTIVE_ADMINS =
            "SELECT id FROM \"user\" WHERE is_admin AND is_active ORDER BY id FOR UPDATE";
    private static final String LIST = "SELECT " + COLUMNS + " FROM \"user\" WHERE TRUE";

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

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return database.execute(handle -> handle.createQuery(FIND_BY_ID_FOR_UPDATE)
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<AccessState> findAccessState(UserId id) {
        return database.execute(handle -> handle.createQuery(FIND_ACCESS_STATE)
                .bind("id", id.value())
                .map((rows, context) -> {
                    UUID clientId = rows.getObject("client_id", UUID.class);
                    return new AccessState(new UserId(rows.getObject("id", UUID.class)), rows.getBoolean("is_active"),
                            rows.getBoolean("is_admin"), clientId == null ? null : new ClientId(clientId),
                            rows.getLong("token_version"));
                })
                .findOne());
    }

    @Override
    public Optional<User> markEmailVerified(UserId id) {
        return updateReturning(MARK_EMAIL_VERIFIED, id, query -> query);
    }

    @Override
    public Optional<User> updatePassword(UserId id, String passwordHash, boolean clearLockout) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        return updateReturning(clearLockout ? UPDATE_PASSWORD_AND_UNLOCK : UPDATE_PASSWORD, id,
                query -> query.bind("passwordHash", passwordHash));
    }

    @Override
    public Optional<User> updateActive(UserId id, boolean active) {
        return updateReturning(UPDATE_ACTIVE, id, query -> query.bind("active", active));
    }

    @Override
    public Optional<User> updateAdmin(UserId id, boolean admin) {
        return updateReturning(UPDATE_ADMIN, id, query -> query.bind("admin", admin));
    }

    @Override
    public Optional<User> unlock(UserId id) {
        return updateReturning(UNLOCK, id, query -> query);
    }

    @Override
    public List<UserId> lockActiveAdmins() {
        return database.execute(handle -> handle.createQuery(LOCK_ACTIVE_ADMINS)
                .map((rows, context) -> new UserId(rows.getObject("id", UUID.class)))
                .list());
    }

    @Override
    public Page<User> list(UserQuery query, PageRequest page, Instant now) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder(LIST);
        query.admin().ifPresent(admin -> sql.append(" AND is_admin = :admin"));
        query.clientId().ifPresent(client -> sql.append(" AND client_id = :clientId"));
        query.active().ifPresent(active -> sql.append(" AND is_active = :active"));
        query.locked().ifPresent(locked -> sql.append(locked
                ? " AND locked_until > :now"
                : " AND (locked_until IS NULL OR locked_until <= :now)"));
        sql.append(Keyset.after(page, "")).append(" ORDER BY created_at, id LIMIT :limit");
        List<User> rows = database.execute(handle -> {
            Query statement = Keyset.bind(handle.createQuery(sql.toString()), page);
            query.admin().ifPresent(admin -> statement.bind("admin", admin));
            query.clientId().ifPresent(client -> statement.bind("clientId", client.value()));
            query.active().ifPresent(active -> statement.bind("active", active));
            query.locked().ifPresent(locked -> statement.bind("now", Timestamps.utc(now)));
            return statement.map(MAPPER).list();
        });
        return Page.fromLookahead(rows, page, user -> new Cursor(user.createdAt(), user.id().value()));
    }

    private Optional<User> updateReturning(String sql, UserId id, UnaryOperator<Query> binder) {
        Objects.requireNonNull(id, "id");
        return database.execute(handle -> binder.apply(handle.createQuery(sql).bind("id", id.value()))
                .map(MAPPER)
                .findOne());
    }
}
