package ai.evo.core.persistence;

import ai.evo.core.domain.idempotency.IdempotencyRecord;
import ai.evo.core.domain.idempotency.IdempotencyStore;
import ai.evo.core.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link IdempotencyStore} on the {@code idempotency_key} table. A claim is an insert on the primary key, so a
 * concurrent claim of the same key waits in PostgreSQL until the first transaction ends. Thread-safe.
 */
final class JdbiIdempotencyStore implements IdempotencyStore {
    private static final String DELETE_EXPIRED_KEY = """
            DELETE FROM idempotency_key
             WHERE scope = :scope AND idempotency_key = :key AND expires_at < now()""";
    private static final String CLAIM = """
            INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, expires_at)
            VALUES (:scope, :key, :fingerprint, :expiresAt)
            ON CONFLICT (scope, idempotency_key) DO NOTHING
            RETURNING 1""";
    private static final String FIND = """
            SELECT fingerprint, response_status, response_body FROM idempotency_key
             WHERE scope = :scope AND idempotency_key = :key""";
    private static final String COMPLETE = """
            UPDATE idempotency_key SET response_status = :status, response_body = :body
             WHERE scope = :scope AND idempotency_key = :key""";
    private static final String DELETE_EXPIRED = "DELETE FROM idempotency_key WHERE expires_at < :now";
    /*
     * Each claim also deletes a few expired keys of any user, so the table stays near one day of keys without a
     * scheduled job. SKIP LOCKED keeps concurrent claims from waiting on each other's cleanup.
     */
    private static final String DELETE_SOME_EXPIRED = """
            DELETE FROM idempotency_key WHERE ctid IN (
                SELECT ctid FROM idempotency_key WHERE expires_at < now()
                 LIMIT %d FOR UPDATE SKIP LOCKED)""".formatted(10);

    private final Database database;

    JdbiIdempotencyStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<IdempotencyRecord> claim(String scope, String key, String fingerprint, Instant expiresAt) {
        return database.execute(handle -> {
            handle.createUpdate(DELETE_EXPIRED_KEY).bind("scope", scope).bind("key", key).execute();
            handle.createUpdate(DELETE_SOME_EXPIRED).execute();
            boolean claimed = handle.createQuery(CLAIM)
                    .bind("scope", scope)
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("expiresAt", Timestamps.offset(expiresAt))
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (claimed) {
                return Optional.empty();
            }
            return handle.createQuery(FIND)
                    .bind("scope", scope)
                    .bind("key", key)
                    .map((rows, context) -> {
                        int status = rows.getInt("response_status");
                        String body = rows.getString("response_body");
                        Optional<StoredResponse> response = rows.wasNull() || body == null
                                ? Optional.empty()
                                : Optional.of(new StoredResponse(status, body));
                        return new IdempotencyRecord(rows.getString("fingerprint"), response);
                    })
                    .findOne();
        });
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        database.execute(handle -> handle.createUpdate(COMPLETE)
                .bind("scope", scope)
                .bind("key", key)
                .bind("status", response.status())
                .bind("body", response.body())
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return database.execute(handle -> handle.createUpdate(DELETE_EXPIRED)
                .bind("now", Timestamps.offset(now))
                .execute());
    }
}
