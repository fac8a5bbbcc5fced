package ai.evo.core.domain.mail;

/** Sends one email now, for example over SMTP. Implementations are thread-safe. */
@FunctionalInterface
public interface MailSender {

    /**
     * Sends a message.
     *
     * @param message the message
     * @throws MailDeliveryException when the message could not be handed over, so it should be retried later
     */
    void send(MailMessage message);
}
