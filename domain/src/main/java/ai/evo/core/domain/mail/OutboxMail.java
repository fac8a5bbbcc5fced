package ai.evo.core.domain.mail;

import java.util.Objects;
import java.util.UUID;

/**
 * A message claimed from the outbox for one delivery attempt.
 *
 * @param id      the outbox row
 * @param message the message
 * @param attempt the number of this attempt, starting at 1
 */
public record OutboxMail(UUID id, MailMessage message, int attempt) {
    public OutboxMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }
}
