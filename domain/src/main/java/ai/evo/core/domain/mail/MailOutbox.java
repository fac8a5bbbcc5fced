package ai.evo.core.domain.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Messages waiting to be sent. A use case enqueues a message inside its transaction, so the message exists
 * exactly when the change that caused it committed, and a crash after the commit loses nothing. Delivery
 * happens later and at least once: a claimed message whose sender crashed is claimed again after its lease.
 * Implementations are thread-safe, join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}, and let several instances claim messages at once without
 * claiming one message twice.
 */
public interface MailOutbox {

    /**
     * Adds a message to send.
     *
     * @param id      the new row's id
     * @param message the message
     */
    void enqueue(UUID id, MailMessage message);

    /**
     * Claims messages that are due, in one atomic statement: each claimed message counts one more attempt and
     * is not due again before {@code now + lease}, so no other caller claims it meanwhile.
     *
     * @param limit       the maximum number of messages
     * @param maxAttempts messages that already had this many attempts are never claimed again
     * @param now         the current time
     * @param lease       how long a claim lasts before the message is due again
     * @return the claimed messages
     */
    List<OutboxMail> claimDue(int limit, int maxAttempts, Instant now, Duration lease);

    /**
     * Records a delivery, so the message is never sent again, and drops its body.
     *
     * @param id  the outbox row
     * @param now the time of delivery
     */
    void markSent(UUID id, Instant now);

    /**
     * Records a failed attempt and when to try again.
     *
     * @param id          the outbox row
     * @param nextAttempt when the message is due again
     * @param error       a short description of the failure, without secrets
     */
    void markFailed(UUID id, Instant nextAttempt, String error);
}
