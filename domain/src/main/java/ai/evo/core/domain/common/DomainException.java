package ai.evo.core.domain.common;

/**
 * Root of the expected rejections a use case can raise. Each subtype maps to one kind of response at the edge
 * of the system (not found, conflict, forbidden, invalid input, invalid references, failed authentication,
 * failed precondition), so adapters translate
 * them once instead of inspecting messages.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, ForbiddenException, ValidationException,
                AuthenticationException, PreconditionFailedException, UnprocessableException {

    /**
     * Creates an exception with a message that is safe to show to the caller.
     *
     * @param message what was rejected and why, without secrets or internal details
     */
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
