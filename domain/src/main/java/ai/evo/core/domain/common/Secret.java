package ai.evo.core.domain.common;

import java.util.Objects;

/**
 * A credential such as a provider API key. Its {@link #toString()} shows only a mask, so a secret that ends
 * up in a log line, an exception or a record's text form does not leak.
 */
public final class Secret {
    private static final int VISIBLE_SUFFIX = 4;
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a clear-text secret.
     *
     * @param value the secret, not empty
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** Returns the clear text, for the adapter that encrypts it or the code that uses it. */
    public String reveal() {
        return value;
    }

    /** Returns the mask shown to callers: the last four characters behind asterisks, or only asterisks when short. */
    public String masked() {
        if (value.length() <= VISIBLE_SUFFIX * 2) {
            return "********";
        }
        return "****" + value.substring(value.length() - VISIBLE_SUFFIX);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
