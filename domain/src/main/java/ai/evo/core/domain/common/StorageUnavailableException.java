package ai.evo.core.domain.common;

/**
 * The store cannot be reached, for example while the database restarts. This is not a rejection of the
 * request, so it is not a {@link DomainException}: the same request may succeed when retried later, and
 * adapters respond to it with HTTP 503. When the connection broke during a commit, the write may or may not have
 * been stored, so clients retry writes with the same idempotency key.
 */
public final class StorageUnavailableException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what could not be reached, without credentials
     * @param cause   the driver's error
     */
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
