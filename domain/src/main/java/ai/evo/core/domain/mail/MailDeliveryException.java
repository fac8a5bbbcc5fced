package ai.evo.core.domain.mail;

/** A message could not be handed to the mail server. Delivery from the outbox retries it later. */
public final class MailDeliveryException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what failed, without secrets
     * @param cause   the underlying failure, or null
     */
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
