package ai.evo.core.domain.common;

/**
 * Credentials or a token were rejected. The message never says which part was wrong, so it reveals neither
 * which accounts exist nor which of them are locked or inactive.
 */
public final class AuthenticationException extends DomainException {

    /**
     * Creates the exception.
     *
     * @param message a generic description of the failure
     */
    public AuthenticationException(String message) {
        super(message);
    }
}
