package ai.evo.core.domain.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules for text that PostgreSQL can store. A {@code text}, {@code varchar} or {@code jsonb} value cannot hold
 * U+0000, and a lone UTF-16 surrogate has no UTF-8 encoding, so both are rejected before any write. Every other
 * character, control characters such as U+0001 included, is stored exactly as given.
 */
public final class StorableText {

    private StorableText() {
    }

    /**
     * Finds the first character that cannot be stored.
     *
     * @param value the text to check
     * @return a description of the problem, or empty when the text can be stored
     */
    public static Optional<String> problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (U+0000); remove it");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired UTF-16 surrogate (U+%04X); send valid Unicode"
                        .formatted((int) c));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks an optional text field: storable characters and at most {@code maxLength} characters
     * (counted as Unicode code points, as PostgreSQL counts {@code varchar(n)}).
     *
     * @param validator collects the errors
     * @param field     the field path
     * @param value     the value, possibly null
     * @param maxLength the maximum length, or 0 for no limit
     * @return the value unchanged
     */
    public static String optional(Validator validator, String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        problem(value).ifPresent(message -> validator.reject(field, message));
        if (maxLength > 0 && value.codePointCount(0, value.length()) > maxLength) {
            validator.reject(field, "must be at most " + maxLength + " characters long");
        }
        return value;
    }

    /**
     * Checks a required text field: present, not blank, storable and at most {@code maxLength} characters.
     *
     * @param validator collects the errors
     * @param field     the field path
     * @param value     the value, possibly null
     * @param maxLength the maximum length, or 0 for no limit
     * @return the value unchanged
     */
    public static String required(Validator validator, String field, String value, int maxLength) {
        if (value == null) {
            validator.reject(field, "is required");
            return null;
        }
        if (value.isBlank()) {
            validator.reject(field, "must not be blank");
            return value;
        }
        return optional(validator, field, value, maxLength);
    }

    /**
     * Checks every key and string inside a JSON value made of maps, lists, strings, numbers, booleans and nulls.
     *
     * @param validator collects the errors
     * @param field     the path of the JSON value, used as the prefix of nested paths
     * @param json      the value to check
     */
    public static void json(Validator validator, String field, Object json) {
        if (json instanceof String text) {
            problem(text).ifPresent(message -> validator.reject(field, message));
        } else if (json instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String path = field + "." + key;
                problem(key).ifPresent(message -> validator.reject(path, "key " + message));
                json(validator, path, entry.getValue());
            }
        } else if (json instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                json(validator, field + "[" + i + "]", list.get(i));
            }
        }
    }
}
