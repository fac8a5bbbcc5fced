package ai.evo.core.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts JSON-compatible maps and lists to and from the text of {@code jsonb} columns. Statements bind the
 * text as {@code CAST(:param AS jsonb)}. Thread-safe.
 */
final class JsonCodec {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Serializes a value made of maps, lists, strings, numbers, booleans and nulls.
     *
     * @param field the field name, for the error message
     * @param value the value
     * @return the JSON text
     * @throws IllegalArgumentException when the value contains an object Jackson cannot serialize
     */
    String write(String field, Object value) {
        Objects.requireNonNull(value, field);
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(field + " is not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a stored JSON object. */
    Map<String, Object> readMap(String column, String json) {
        return read(column, json, MAP);
    }

    /** Parses a stored JSON array. */
    List<Object> readList(String column, String json) {
        return read(column, json, LIST);
    }

    private <T> T read(String column, String json, TypeReference<T> type) {
        Objects.requireNonNull(json, column);
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored " + column + " is not the expected JSON shape: "
                    + e.getOriginalMessage(), e);
        }
    }
}
