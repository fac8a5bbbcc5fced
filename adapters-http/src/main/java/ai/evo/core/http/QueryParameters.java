package ai.evo.core.http;

import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Strict access to the query parameters of a list route. A parameter the route does not accept, or one given
 * twice, is an error, so a misspelled filter can never silently widen a listing. Collects every error, then
 * {@link #throwIfInvalid()} raises them together. Not thread-safe.
 */
final class QueryParameters {
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
        return of(ctx.queryParamMap(), accepted);
    }

    static QueryParameters of(Map<String, List<String>> values, List<String> accepted) {
        QueryParameters parameters = new QueryParameters(values);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            if (!accepted.contains(name)) {
                parameters.validator.reject(name, "is not an accepted query parameter; this route accepts only "
                        + String.join(", ", accepted));
            } else if (entry.getValue().size() > 1) {
                parameters.validator.reject(name, "must be given at most once");
            }
        }
        return parameters;
    }

    /** Returns the single value of a parameter, or empty when it is absent or given more than once. */
    Optional<String> text(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.size() == 1 ? Optional.of(given.get(0)) : Optional.empty();
    }

    /** Returns a UUID parameter; any text other than a canonical UUID is an error. */
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

    /** Returns a timestamp parameter in ISO-8601 form with an offset, such as {@code 2026-01-31T00:00:00Z}. */
    Optional<Instant> instant(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 date-time with an offset, such as 2026-01-31T00:00:00Z"
                    + " (write + in an offset as %2B)");
            return Optional.empty();
        }
    }

    /** Records an error about one parameter. */
    void reject(String name, String message) {
        validator.reject(name, message);
    }

    /** Throws {@link ValidationException} with every error recorded so far, if there is any. */
    void throwIfInvalid() {
        validator.throwIfInvalid();
    }
}
