package ai.evo.core.domain.common;

import java.util.Locale;
import java.util.Objects;

/**
 * An email address in its stored form: trimmed and lower-cased, so {@code User@Example.test} and
 * {@code user@example.test} name one mailbox and one account.
 *
 * @param value the normalized address
 */
public record EmailAddress(String value) {
    /** Longest address that fits the {@code varchar(255)} columns. */
    public static final int MAX_LENGTH = 255;

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!value.equals(normalize(value)) || !isWellFormed(value)) {
            throw ValidationException.of("email", "must be a valid email address such as name@example.com");
        }
    }

    /**
     * Parses user input, trimming and lower-casing it first.
     *
     * @param field the field path used in the error
     * @param raw   the address as typed
     * @return the normalized address
     * @throws ValidationException when the input is missing or not an address
     */
    public static EmailAddress parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of(field, "is required");
        }
        String normalized = normalize(raw);
        if (!isWellFormed(normalized)) {
            throw ValidationException.of(field, "must be a valid email address such as name@example.com");
        }
        return new EmailAddress(normalized);
    }

    /** Returns the part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isWellFormed(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1 || address.indexOf('@') != at) {
            return false;
        }
        if (address.length() > MAX_LENGTH || StorableText.problem(address).isPresent()) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        String domain = address.substring(at + 1);
        return !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
    }
}
