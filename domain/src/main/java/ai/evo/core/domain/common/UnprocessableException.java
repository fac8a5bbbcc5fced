package ai.evo.core.domain.common;

/**
 * A well-formed request conflicts with an earlier one in a way that retrying cannot fix, such as an
 * idempotency key reused with another request body. Adapters answer it with HTTP 422.
 */
public final class UnprocessableException extends DomainException {

    /**
     * Creates the exception.
     *
     * @param message what was rejected and what to send instead
     */
    public UnprocessableException(String message) {
        super(message);
    }
}
