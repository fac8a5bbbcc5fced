package ai.evo.core.persistence;

import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.DomainException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.OneTimeTokenRepository;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link OneTimeTokenRepository} on the {@code one_time_token} table. Use is one conditional {@code UPDATE}: the
 * row lock it takes serializes two requests with the same token, and the second one re-checks
 * {@code used_at IS NULL} against the committed row and matches nothing. Thread-safe.
 */
final class JdbiOneTimeTokenRepository implements OneTimeTokenRepository {
    private static final String VOID_ALL = """
            UPDATE one_time_token SET used_at = :now
            WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL
            """;
    private static final String INSERT = """
            INSERT INTO one_time_token (id, user_id, purpose, token_hash, expires_at)
            VALUES (:id, :userId, :purpose, :tokenHash, :expiresAt)
            """;
    private static final String FIND_USABLE = """
            SELECT user_id FROM one_time_token
            WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
            """;
    private static final String CONSUME = """
            UPDATE one_time_token SET used_at = :now
            WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
            RETURNING user_id
            """;

    private final Database database;

    JdbiOneTimeTokenRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void issue(UUID id, UserId userId, OneTimeTokenPurpose purpose, String tokenHash, Instant expiresAt,
                      Instant now) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        voidAll(userId, purpose, now);
        Map<String, Supplier<DomainException>> constraints = Map.of(
                "one_time_token_user_id_fkey", () -> new NotFoundException("user"),
                "one_time_token_token_hash_key", () -> new ConflictException("a token with this hash already exists"));
        database.write(new WriteFields(), constraints, handle -> handle.createUpdate(INSERT)
                .bind("id", id)
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .bind("tokenHash", tokenHash)
                .bind("expiresAt", Timestamps.offset(expiresAt))
                .execute());
    }

    @Override
    public Optional<UserId> findUsable(String tokenHash, OneTimeTokenPurpose purpose, Instant now) {
        return database.execute(handle -> handle.createQuery(FIND_USABLE)
                .bind("tokenHash", tokenHash)
                .bind("purpose", purpose.name())
                .bind("now", Timestamps.offset(now))
                .map((rows, context) -> new UserId(rows.getObject("user_id", UUID.class)))
                .findOne());
    }

    @Override
    public Optional<UserId> consume(String tokenHash, OneTimeTokenPurpose purpose, Instant now) {
        return database.execute(handle -> handle.createQuery(CONSUME)
                .bind("tokenHash", tokenHash)
                .bind("purpose", purpose.name())
                .bind("now", Timestamps.offset(now))
                .map((rows, context) -> new UserId(rows.getObject("user_id", UUID.class)))
                .findOne());
    }

    @Override
    public void voidAll(UserId userId, OneTimeTokenPurpose purpose, Instant now) {
        database.execute(handle -> handle.createUpdate(VOID_ALL)
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .bind("now", Timestamps.offset(now))
                .execute());
    }
}
