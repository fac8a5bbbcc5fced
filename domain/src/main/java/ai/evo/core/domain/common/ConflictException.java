package ai.evo.core.domain.common;

/** The request contradicts the stored state, for example a duplicate unique value or a resource still in use. */
public final class ConflictException extends DomainException {

    /**
     * Creates the exception.
     *
     * @param message which value or reference conflicts, and what the caller can do about it
     */
    public ConflictException(String message) {
        super(message);
    }
}
