package ai.evo.core.http;

import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads JSON request bodies strictly.
 *
 * <p>The body must be declared as {@code application/json} (or a {@code +json} type) in UTF-8, else 415. It must
 * fit {@code maxBodyBytes}, else 413. It must be valid UTF-8 and exactly one JSON object without duplicate keys,
 * else 400. No string value or object key anywhere in it may contain U+0000 or an unpaired UTF-16 surrogate,
 * because PostgreSQL cannot store either. Such a body gets 400 naming each field path, for example
 * {@code meta.note} or {@code items[2]}. Every other character, U+0001 included, is kept as sent.
 */
final class JsonBodies {
    /** Field path used in errors about the body as a whole. */
    static final String BODY = "body";

    private static final int MAX_PATH_LENGTH = 200;
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");

    private final Json json;
    private final long maxBodyBytes;

    JsonBodies(Json json, long maxBodyBytes) {
        this.json = Objects.requireNonNull(json, "json");
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads the request body as a JSON object.
     *
     * @param ctx the request
     * @return the object
     * @throws HttpProblem         415 for a missing or non-JSON content type, 413 for a body over the limit
     * @throws ValidationException 400 for anything else that is not a storable JSON object
     */
    ObjectNode readObject(Context ctx) {
        requireJsonContentType(ctx.header("Content-Type"));
        return parseObject(readLimited(ctx));
    }

    /** Parses bytes as a JSON object, applying every rule of this class except the content type and size. */
    ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw ValidationException.of(BODY, "is required; send a JSON object");
        }
        JsonNode node = parse(decodeUtf8(body));
        if (!node.isObject()) {
            throw ValidationException.of(BODY, "must be a JSON object, got " + JsonFields.describe(node));
        }
        Validator validator = new Validator();
        checkStorable(validator, "", node);
        validator.throwIfInvalid();
        return (ObjectNode) node;
    }

    static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new HttpProblem(415, "The request has no Content-Type; send the body as application/json.");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
        if (!json) {
            throw new HttpProblem(415, "Content-Type " + SafeText.escape(mediaType) + " is not supported; send the"
                    + " body as application/json.");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter[1].strip().replace("\"", "");
                if (!isUtf8(charset)) {
                    throw new HttpProblem(415, "charset " + SafeText.escape(charset) + " is not supported; send"
                            + " JSON in UTF-8.");
                }
            }
        }
    }

    private static boolean isUtf8(String charsetName) {
        try {
            return Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Covers IllegalCharsetNameException and UnsupportedCharsetException.
            return false;
        }
    }

    private byte[] readLimited(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        int readLimit = (int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(readLimit);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new HttpProblem(400, "The request body could not be read completely; send it again.");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "The request body is larger than the maximum of " + maxBodyBytes + " bytes.");
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of(BODY, "is not valid UTF-8; send JSON encoded as UTF-8");
        }
    }

    private JsonNode parse(String text) {
        JsonParser parser;
        try {
            parser = json.mapper().createParser(text);
        } catch (IOException e) {
            throw new IllegalStateException("creating a JSON parser over a string failed", e);
        }
        try (parser) {
            JsonNode node = json.mapper().readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw ValidationException.of(BODY, "is required; send a JSON object");
            }
            if (parser.nextToken() != null) {
                throw ValidationException.of(BODY, "has more content after the JSON value; send exactly one object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ValidationException.of(pathOf(parser.getParsingContext()), "is not valid JSON: "
                    + withoutEchoedToken(e.getOriginalMessage()) + locationOf(e.getLocation()));
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a string failed", e);
        }
    }

    /**
     * Removes the text that Jackson quotes in "Unrecognized token 'text'" messages, because an unquoted password
     * would otherwise come back in the response.
     */
    private static String withoutEchoedToken(String message) {
        return message == null ? "" : UNRECOGNIZED_TOKEN.matcher(message).replaceAll("Unrecognized token");
    }

    private static String locationOf(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Builds a field path such as {@code meta.tags[2]} from the parser's position. */
    private static String pathOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext current = context; current != null && !current.inRoot(); current = current.getParent()) {
            if (current.inArray()) {
                segments.add(0, "[" + Math.max(current.getCurrentIndex(), 0) + "]");
            } else if (current.getCurrentName() != null) {
                segments.add(0, "." + current.getCurrentName());
            }
        }
        String path = String.join("", segments);
        if (path.isEmpty()) {
            return BODY;
        }
        path = path.startsWith(".") ? path.substring(1) : path;
        // A deeply nested body would otherwise put a path of many kilobytes into the response.
        return path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) + "..." : path;
    }

    private static void checkStorable(Validator validator, String path, JsonNode node) {
        if (node.isTextual()) {
            StorableText.problem(node.textValue()).ifPresent(message -> validator.reject(path, message));
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            // Jackson reads 1e999999 as infinity, which would be stored as the string "Infinity".
            validator.reject(path, "is a number outside the range of a double (about ±1.8e308); send a smaller"
                    + " number or a string");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                StorableText.problem(field.getKey()).ifPresent(message -> validator.reject(fieldPath, "key " + message));
                checkStorable(validator, fieldPath, field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStorable(validator, path + "[" + i + "]", node.get(i));
            }
        }
    }
}
