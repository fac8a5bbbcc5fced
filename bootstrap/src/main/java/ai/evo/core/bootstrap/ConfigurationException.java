package ai.evo.core.bootstrap;

/** A configuration value is missing or invalid; the message names the variable and the fix. */
public final class ConfigurationException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message which variable is wrong and what to set instead
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message which variable or file is wrong and what to do
     * @param cause   the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
