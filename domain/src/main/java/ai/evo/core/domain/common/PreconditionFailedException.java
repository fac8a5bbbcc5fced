package ai.evo.core.domain.common;

/** The resource changed after the caller read it, so an update based on that read would overwrite newer data. */
public final class PreconditionFailedException extends DomainException {

    /**
     * Creates the exception.
     *
     * @param message which resource changed and how to retry
     */
    public PreconditionFailedException(String message) {
        super(message);
    }
}
