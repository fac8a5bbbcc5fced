package ai.evo.core.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects field errors so that one request reports every broken rule at once. Not thread-safe: create one
 * per validation.
 */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Records an error for a field.
     *
     * @param field   the field path
     * @param message what is wrong and how to fix it
     * @return this validator
     */
    public Validator reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /**
     * Runs a check that may throw {@link ValidationException} and keeps its errors instead of stopping.
     *
     * @param check the check to run
     * @param <T>   the value the check produces
     * @return the value, or null when the check failed
     */
    public <T> T attempt(Function<Validator, T> check) {
        try {
            return check.apply(this);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Returns whether no error has been recorded. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws {@link ValidationException} with every recorded error, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
