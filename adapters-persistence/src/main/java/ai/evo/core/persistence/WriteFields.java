package ai.evo.core.persistence;

import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text and JSON values of one write, by field name, so that a storage error can name the field that
 * caused it. Field names are the snake_case names callers use. Not thread-safe; create one per write.
 */
final class WriteFields {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> maxLengths = new LinkedHashMap<>();

    /**
     * Adds a text or JSON value. Null values are skipped.
     *
     * @param field the field name
     * @param value a string, or a JSON value made of maps, lists and scalars
     * @return this object
     */
    WriteFields with(String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    /**
     * Adds a text value bound to a {@code varchar(maxLength)} column. Null values are skipped.
     *
     * @param field     the field name
     * @param value     the text
     * @param maxLength the column's length limit, in characters
     * @return this object
     */
    WriteFields with(String field, String value, int maxLength) {
        if (value != null) {
            values.put(field, value);
            maxLengths.put(field, maxLength);
        }
        return this;
    }

    /**
     * Builds the error for PostgreSQL's rejection of a value longer than its {@code varchar} column, naming the
     * first field over its limit. PostgreSQL counts characters as code points, and so does this check.
     *
     * @return the error, naming {@code value} when no field is over its limit
     */
    ValidationException tooLongError() {
        for (Map.Entry<String, Integer> limit : maxLengths.entrySet()) {
            String text = (String) values.get(limit.getKey());
            if (text.codePointCount(0, text.length()) > limit.getValue()) {
                return ValidationException.of(limit.getKey(),
                        "must be at most " + limit.getValue() + " characters long");
            }
        }
        return ValidationException.of("value", "is longer than the database column allows");
    }

    /**
     * Rejects unpaired UTF-16 surrogates before the write. PostgreSQL never receives them, because the JDBC driver
     * replaces each with {@code ?} when it encodes the text as UTF-8, so the value would change silently.
     *
     * @throws ValidationException naming the first field with an unpaired surrogate
     */
    void rejectUnpairedSurrogates() {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Optional<ValidationException> problem = firstProblem(entry.getKey(), entry.getValue(), false);
            if (problem.isPresent()) {
                throw problem.get();
            }
        }
    }

    /**
     * Builds the error for PostgreSQL's rejection of U+0000, naming the first field that contains it.
     *
     * @return the error, naming {@code value} when no field contains U+0000
     */
    ValidationException nulCharacterError() {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Optional<ValidationException> problem = firstProblem(entry.getKey(), entry.getValue(), true);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        return ValidationException.of("value", "must not contain the NUL character (U+0000); remove it");
    }

    /**
     * Builds the error for JSON text that PostgreSQL rejected, naming the first JSON field with a character
     * it cannot store.
     *
     * @return the error
     */
    ValidationException invalidJsonError() {
        ValidationException nul = nulCharacterError();
        if (!nul.errors().get(0).field().equals("value")) {
            return nul;
        }
        return ValidationException.of("value", "is not JSON that PostgreSQL can store; send valid Unicode");
    }

    /**
     * Checks a value with the domain's {@link StorableText} rules and returns its first problem of one kind.
     *
     * @param nulProblems true for problems with U+0000, false for the others (unpaired surrogates)
     */
    private static Optional<ValidationException> firstProblem(String field, Object value, boolean nulProblems) {
        Validator validator = new Validator();
        if (value instanceof String text) {
            StorableText.problem(text).ifPresent(message -> validator.reject(field, message));
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            StorableText.json(validator, field, value);
        }
        if (validator.isValid()) {
            return Optional.empty();
        }
        try {
            validator.throwIfInvalid();
            return Optional.empty();
        } catch (ValidationException e) {
            return e.errors().stream()
                    .filter(error -> error.message().contains("U+0000") == nulProblems)
                    .findFirst()
                    .map(error -> new ValidationException(List.of(error)));
        }
    }
}
