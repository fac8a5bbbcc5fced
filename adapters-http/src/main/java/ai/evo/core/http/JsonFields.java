package ai.evo.core.http;

import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * Typed, strict access to the fields of a JSON request object. Fields that the request does not accept are
 * rejected, so privileged fields such as {@code is_admin} cannot be slipped in, and values of the wrong JSON type
 * are rejected instead of being converted. Collects every error, then {@link #throwIfInvalid()} raises them
 * together. Not thread-safe.
 */
final class JsonFields {
    private final ObjectNode object;
    private final Validator validator = new Validator();

    private JsonFields(ObjectNode object) {
        this.object = object;
    }

    /**
     * Starts reading an object and records an error for each field not in {@code accepted}.
     *
     * @param object   the request object
     * @param accepted the names of the fields the request accepts
     * @return the reader
     */
    static JsonFields of(ObjectNode object, List<String> accepted) {
        JsonFields fields = new JsonFields(object);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                fields.validator.reject(name, "is not an accepted field; this request accepts only "
                        + String.join(", ", accepted));
            }
        }
        return fields;
    }

    /** Returns a string field, or null when it is absent or JSON null. Any other type is an error. */
    String optionalString(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            validator.reject(name, "must be a string, got " + describe(value));
            return null;
        }
        return value.textValue();
    }

    /** Returns a string field. Absence, JSON null and any other type are errors. */
    String requiredString(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            validator.reject(name, "is required");
            return null;
        }
        return optionalString(name);
    }

    /** Throws {@link ValidationException} with every error recorded so far, if there is any. */
    void throwIfInvalid() {
        validator.throwIfInvalid();
    }

    /** Names the JSON type of a value for error messages, for example "a number". */
    static String describe(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return "an unsupported value";
        }
    }
}
