package ai.evo.core.domain.common;

import java.util.List;

/** Input broke one or more rules. Every broken rule is listed with the field it concerns. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    /**
     * Creates the exception from a non-empty list of field errors.
     *
     * @param errors the broken rules, in the order they were found
     */
    public ValidationException(List<FieldError> errors) {
        super(summarize(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Creates the exception for a single field.
     *
     * @param field   the field path
     * @param message what is wrong with it
     * @return the exception, ready to throw
     */
    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    /** Returns the broken rules. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summarize(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
