package ai.evo.core.domain.common;

import java.util.Objects;

/**
 * One invalid input value.
 *
 * @param field   path of the field in the request, in snake_case with dots and list indexes,
 *                for example {@code config_json.sub_agents[2]}
 * @param message what is wrong and how to fix it
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
