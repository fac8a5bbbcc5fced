package ai.evo.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/**
 * The JSON settings shared by request parsing and response writing. Timestamps are written as ISO-8601 strings
 * in UTC, and duplicate object keys in input are rejected. Thread-safe.
 */
final class Json {
    static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    /** Serializes a value to UTF-8 JSON. */
    byte[] toBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing a " + value.getClass().getSimpleName()
                    + " response failed", e);
        }
    }

    /** Sends a value as the JSON response body with the given status. */
    void respond(Context ctx, int status, Object value) {
        ctx.status(status).contentType(CONTENT_TYPE).result(toBytes(value));
    }
}
