package ai.evo.core.domain.testing;

import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.mail.OutboxMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Mail outbox in a list with the same claiming rules as the database adapter, for unit tests of the use cases.
 * Methods are synchronized, so each behaves atomically like its single SQL statement.
 */
public final class InMemoryMailOutbox implements MailOutbox {

    /**
     * One queued message.
     *
     * @param id          the row id
     * @param message     the message
     * @param attempts    delivery attempts so far
     * @param nextAttempt when the message is due
     * @param sentAt      when it was delivered, or null
     * @param lastError   the last failure, or null
     */
    public record Row(UUID id, MailMessage message, int attempts, Instant nextAttempt, Instant sentAt,
                      String lastError) {
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized void enqueue(UUID id, MailMessage message) {
        rows.add(new Row(id, message, 0, Instant.MIN, null, null));
    }

    @Override
    public synchronized List<OutboxMail> claimDue(int limit, int maxAttempts, Instant now, Duration lease) {
        List<OutboxMail> claimed = new ArrayList<>();
        for (int i = 0; i < rows.size() && claimed.size() < limit; i++) {
            Row row = rows.get(i);
            if (row.sentAt() == null && row.attempts() < maxAttempts && !row.nextAttempt().isAfter(now)) {
                Row leased = new Row(row.id(), row.message(), row.attempts() + 1, now.plus(lease), null,
                        row.lastError());
                rows.set(i, leased);
                claimed.add(new OutboxMail(row.id(), row.message(), leased.attempts()));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(UUID id, Instant now) {
        rows.replaceAll(row -> row.id().equals(id)
                ? new Row(row.id(), row.message(), row.attempts(), row.nextAttempt(), now, null) : row);
    }

    @Override
    public synchronized void markFailed(UUID id, Instant nextAttempt, String error) {
        rows.replaceAll(row -> row.id().equals(id)
                ? new Row(row.id(), row.message(), row.attempts(), nextAttempt, null, error) : row);
    }

    /** Returns every row in the order enqueued. */
    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Returns every enqueued message in order, sent or not. */
    public synchronized List<MailMessage> messages() {
        return rows.stream().map(Row::message).toList();
    }
}
