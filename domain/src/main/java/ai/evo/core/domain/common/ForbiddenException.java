package ai.evo.core.domain.common;

/** The caller is signed in and may see the resource, but its role does not allow the action. */
public final class ForbiddenException extends DomainException {

    /**
     * Creates the exception.
     *
     * @param message the action that was denied and the role it needs
     */
    public ForbiddenException(String message) {
        super(message);
    }
}
