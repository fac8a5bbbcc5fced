package ai.evo.core.http;

import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Strict access to the query parameters of a list route. A parameter the route does not accept, or one given
 * twice, is an error, so a misspelled filter can never silently widen a listing. Collects every error, then
 * {@link #throwIfInvalid()} raises them together. Not thread-safe.
 */
final class QueryParameters {
    /** Field name used in errors about the query string as a whole. */
    static final String QUERY = "query";

    private final Map<String, List<String>> values;
    private final Validator validator = new Validator();

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Starts reading the request's query and records an error for each parameter not in {@code accepted}.
     *
     * @param ctx      the request
     * @param accepted the names the route accepts
     * @return the reader
     */
    static QueryParameters of(Context ctx, List<String> accepted) {
        return of(ctx.queryString(), accepted);
    }

    /**
     * Starts reading a raw query string such as {@code limit=10&cursor=abc}.
     *
     * <p>The string is decoded here instead of by Javalin, which drops a parameter with a malformed escape such
     * as {@code limit=%zz} and replaces invalid UTF-8 with U+FFFD. A query with either is an error as a whole.
     */
    static QueryParameters of(String rawQuery, List<String> accepted) {
        return of(rawQuery, accepted, Set.of());
    }

    /**
     * Starts reading the request's query where some parameters may be given more than once, such as a filter
     * that matches any of several values.
     *
     * @param ctx        the request
     * @param accepted   the names the route accepts
     * @param repeatable the accepted names that may repeat; read them with {@link #all(String)}
     * @return the reader
     */
    static QueryParameters of(Context ctx, List<String> accepted, Set<String> repeatable) {
        return of(ctx.queryString(), accepted, repeatable);
    }

    static QueryParameters of(String rawQuery, List<String> accepted, Set<String> repeatable) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean decodable = rawQuery == null || decodeInto(rawQuery, values);
        QueryParameters parameters = new QueryParameters(decodable ? values : Map.of());
        if (!decodable) {
            parameters.validator.reject(QUERY, "contains an invalid %XX escape or invalid UTF-8; encode each"
                    + " parameter name and value as UTF-8 with %XX escapes");
            return parameters;
        }
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            if (!accepted.contains(name)) {
                parameters.validator.reject(name, "is not an accepted query parameter; this route accepts only "
                        + String.join(", ", accepted));
            } else if (entry.getValue().size() > 1 && !repeatable.contains(name)) {
                parameters.validator.reject(name, "must be given at most once");
            }
        }
        return parameters;
    }

    /** Returns every value of a parameter in the order given, or an empty list when it is absent. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Returns every decoded parameter with its values, in the order of the query string. */
    Map<String, List<String>> values() {
        return values;
    }

    /** Returns the single value of a parameter, or empty when it is absent or given more than once. */
    Optional<String> text(String name) {
        List<String> occurrences = values.getOrDefault(name, List.of());
        return occurrences.size() == 1 ? Optional.of(occurrences.get(0)) : Optional.empty();
    }

    /** Returns a boolean parameter; any text other than {@code true} or {@code false} is an error. */
    Optional<Boolean> bool(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            reject(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(text.get()));
    }

    /** Returns a UUID parameter. Any text other than a canonical UUID is an error. */
    Optional<UUID> uuid(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> parsed = Uuids.parse(text.get());
        if (parsed.isEmpty()) {
            reject(name, "must be a UUID such as 0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a");
        }
        return parsed;
    }

    /** Returns an enum parameter spelled exactly as one of the constants' names. */
    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        reject(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    /** Earliest timestamp a filter accepts; PostgreSQL's own range is wider, but no stored row predates it. */
    private static final Instant EARLIEST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** Latest timestamp a filter accepts, well inside PostgreSQL's range (year 294276). */
    private static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * Returns a timestamp parameter in ISO-8601 form with an offset, such as {@code 2026-01-31T00:00:00Z}, from
     * year 1 to year 9999.
     */
    Optional<Instant> instant(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 date-time with an offset, such as 2026-01-31T00:00:00Z"
                    + " (write + in an offset as %2B)");
            return Optional.empty();
        }
        if (instant.isBefore(EARLIEST_INSTANT) || instant.isAfter(LATEST_INSTANT)) {
            reject(name, "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    /** Records an error about one parameter. */
    void reject(String name, String message) {
        validator.reject(name, message);
    }

    /** Throws {@link ValidationException} with every error recorded so far, if there is any. */
    void throwIfInvalid() {
        validator.throwIfInvalid();
    }

    private static boolean decodeInto(String rawQuery, Map<String, List<String>> values) {
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty()) {
                return false;
            }
            values.computeIfAbsent(name.get(), key -> new ArrayList<>()).add(value.get());
        }
        return true;
    }

    /** Decodes {@code application/x-www-form-urlencoded} text, in which {@code +} is a space, strictly. */
    private static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
