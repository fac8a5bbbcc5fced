package ai.evo.core.http;

import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Strict access to the fields of a create or update body. It separates a field left out from one sent as
 * {@code null}, as {@link FieldUpdate} needs. Like {@link JsonFields}, it rejects fields the route does not
 * accept and values of the wrong JSON type, collecting every error before {@link #throwIfInvalid()}. Objects and
 * arrays become plain maps and lists, with whole numbers as {@code Integer} or {@code Long}. Not thread-safe.
 */
final class UpdateFields {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final ObjectNode object;
    private final ObjectMapper mapper;
    private final Validator validator = new Validator();

    private UpdateFields(ObjectNode object, ObjectMapper mapper) {
        this.object = object;
        this.mapper = mapper;
    }

    /**
     * Starts reading a body and records an error for each field not in {@code accepted}.
     *
     * @param object   the request object
     * @param accepted the names of the fields the route accepts
     * @param json     the shared JSON settings
     * @return the reader
     */
    static UpdateFields of(ObjectNode object, List<String> accepted, Json json) {
        UpdateFields fields = new UpdateFields(object, json.mapper());
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

    /** Returns a string field: left out, null, or a string; any other JSON type is an error. */
    FieldUpdate<String> string(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            return FieldUpdate.keep();
        }
        if (value.isNull()) {
            return FieldUpdate.set(null);
        }
        if (!value.isTextual()) {
            validator.reject(name, "must be a string, got " + JsonFields.describe(value));
            return FieldUpdate.keep();
        }
        return FieldUpdate.set(value.textValue());
    }

    /** Returns an object field: left out, null, or an object; any other JSON type is an error. */
    FieldUpdate<Map<String, Object>> object(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            return FieldUpdate.keep();
        }
        if (value.isNull()) {
            return FieldUpdate.set(null);
        }
        if (!value.isObject()) {
            validator.reject(name, "must be an object, got " + JsonFields.describe(value));
            return FieldUpdate.keep();
        }
        return FieldUpdate.set(mapper.convertValue(value, MAP));
    }

    /** Returns an array field: left out, null, or an array; any other JSON type is an error. */
    FieldUpdate<List<Object>> array(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            return FieldUpdate.keep();
        }
        if (value.isNull()) {
            return FieldUpdate.set(null);
        }
        if (!value.isArray()) {
            validator.reject(name, "must be an array, got " + JsonFields.describe(value));
            return FieldUpdate.keep();
        }
        return FieldUpdate.set(mapper.convertValue(value, LIST));
    }

    /** Returns a UUID field, or empty when it is left out or null; anything but a canonical UUID is an error. */
    Optional<UUID> uuid(String name) {
        FieldUpdate<String> text = string(name);
        if (text.value() == null) {
            return Optional.empty();
        }
        Optional<UUID> parsed = Uuids.parse(text.value());
        if (parsed.isEmpty()) {
            validator.reject(name, "must be a UUID such as 0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a");
        }
        return parsed;
    }

    /** Throws {@link ValidationException} with every error recorded so far, if there is any. */
    void throwIfInvalid() {
        validator.throwIfInvalid();
    }
}
