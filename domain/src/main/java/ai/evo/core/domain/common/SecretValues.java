package ai.evo.core.domain.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules for maps whose values are secrets, such as the environment variables an agent passes to a tool. Reads
 * show each value only as its {@link Secret#masked() mask}. Writes follow three rules, so a client can send back
 * what it read without knowing the secrets:
 * <ul>
 *   <li>a key left out keeps its stored value;</li>
 *   <li>a key sent as {@code null} removes the value;</li>
 *   <li>a value equal to the stored value's mask keeps the stored value, so a mask is never stored as a secret.</li>
 * </ul>
 */
public final class SecretValues {
    /** Prefix of every mask that {@link Secret#masked()} returns. */
    public static final String MASK_PREFIX = "****";

    private SecretValues() {
    }

    /**
     * Masks every string value of a map; other values are kept, as they are not secrets the service wrote.
     *
     * @param values the clear values
     * @return a new map with the same keys in the same order
     */
    public static Map<String, Object> masked(Map<String, ?> values) {
        Map<String, Object> masked = new LinkedHashMap<>();
        values.forEach((key, value) -> masked.put(key, value instanceof String text && !text.isEmpty()
                ? Secret.of(text).masked() : value));
        return masked;
    }

    /**
     * Applies an incoming map to the stored one by the rules in the class description.
     *
     * @param stored   the stored clear values, possibly empty
     * @param incoming the values sent, where {@code null} means "remove"; other non-string values are passed on
     *                 for validation to reject
     * @return the values to store, stored keys first and then new keys in the order sent
     */
    public static Map<String, Object> merge(Map<String, ?> stored, Map<?, ?> incoming) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        incoming.forEach((rawKey, value) -> {
            String key = String.valueOf(rawKey);
            Object current = stored.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (current instanceof String text && !text.isEmpty() && value.equals(Secret.of(text).masked())) {
                merged.put(key, current);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /**
     * Checks one secret value sent by a client after {@link #merge merging}: it must be a non-empty string and must
     * not be a mask, because a mask that does not match the stored value cannot be turned back into a secret.
     *
     * @param validator collects the errors
     * @param field     the field path
     * @param value     the value to check
     * @return the value as a string, or null when it was rejected
     */
    public static String check(Validator validator, String field, Object value) {
        if (!(value instanceof String text)) {
            validator.reject(field, "must be a string; send null to remove it");
            return null;
        }
        if (text.isEmpty()) {
            validator.reject(field, "must not be empty; send null to remove it");
            return null;
        }
        if (text.startsWith(MASK_PREFIX)) {
            validator.reject(field, "is a masked value that matches no stored secret; send the full value, or leave"
                    + " the field out to keep the stored one");
            return null;
        }
        if (StorableText.problem(text).isPresent()) {
            validator.reject(field, StorableText.problem(text).get());
            return null;
        }
        return text;
    }
}
