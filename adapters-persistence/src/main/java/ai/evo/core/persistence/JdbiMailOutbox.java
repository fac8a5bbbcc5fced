package ai.evo.core.persistence;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.mail.OutboxMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link MailOutbox} on the {@code mail_outbox} table. The body may hold a one-time link, so it is stored
 * encrypted with the secrets keyset and cleared once the message is sent. Claiming is one statement whose
 * {@code FOR UPDATE SKIP LOCKED} sub-select passes over rows that another instance is claiming at that moment,
 * so instances never claim one message twice within its lease. Thread-safe.
 */
final class JdbiMailOutbox implements MailOutbox {
    private static final String TABLE = "mail_outbox";
    private static final String BODY = "body";
    private static final String INSERT = """
            INSERT INTO mail_outbox (id, recipient, subject, body_encrypted, next_attempt_at)
            VALUES (:id, :recipient, :subject, :body, now())
            """;
    private static final String CLAIM = """
            UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :leaseEnd
            WHERE id IN (SELECT id FROM mail_outbox
                         WHERE sent_at IS NULL AND attempts < :maxAttempts AND next_attempt_at <= :now
                         ORDER BY next_attempt_at, id
                         LIMIT :limit
                         FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, body_encrypted, attempts
            """;
    private static final String MARK_SENT = """
            UPDATE mail_outbox SET sent_at = :now, body_encrypted = NULL, last_error = NULL
            WHERE id = :id
            """;
    private static final String MARK_FAILED = """
            UPDATE mail_outbox SET next_attempt_at = :nextAttempt, last_error = :error
            WHERE id = :id AND sent_at IS NULL
            """;

    private final Database database;
    private final SecretCipher cipher;

    JdbiMailOutbox(Database database, SecretCipher cipher) {
        this.database = Objects.requireNonNull(database, "database");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void enqueue(UUID id, MailMessage message) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        String body = cipher.encrypt(TABLE, id, BODY, Secret.of(message.body().isEmpty() ? " " : message.body()));
        WriteFields fields = new WriteFields().with("recipient", message.to().value())
                .with("subject", message.subject());
        database.write(fields, Map.of(), handle -> handle.createUpdate(INSERT)
                .bind("id", id)
                .bind("recipient", message.to().value())
                .bind("subject", message.subject())
                .bind("body", body)
                .execute());
    }

    @Override
    public List<OutboxMail> claimDue(int limit, int maxAttempts, Instant now, Duration lease) {
        return database.execute(handle -> handle.createQuery(CLAIM)
                .bind("limit", limit)
                .bind("maxAttempts", maxAttempts)
                .bind("now", Timestamps.offset(now))
                .bind("leaseEnd", Timestamps.offset(now.plus(lease)))
                .map((rows, context) -> {
                    UUID id = rows.getObject("id", UUID.class);
                    String body = cipher.decrypt(TABLE, id, BODY, rows.getString("body_encrypted")).reveal();
                    MailMessage message = new MailMessage(new EmailAddress(rows.getString("recipient")),
                            rows.getString("subject"), body);
                    return new OutboxMail(id, message, rows.getInt("attempts"));
                })
                .list());
    }

    @Override
    public void markSent(UUID id, Instant now) {
        database.execute(handle -> handle.createUpdate(MARK_SENT)
                .bind("id", id)
                .bind("now", Timestamps.offset(now))
                .execute());
    }

    @Override
    public void markFailed(UUID id, Instant nextAttempt, String error) {
        database.execute(handle -> handle.createUpdate(MARK_FAILED)
                .bind("id", id)
                .bind("nextAttempt", Timestamps.offset(nextAttempt))
                .bind("error", error)
                .execute());
    }
}
