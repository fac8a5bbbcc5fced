package ai.evo.core.domain.common;

import java.util.List;

/**
 * Input is well formed but cannot be processed. Examples are an agent, tool or MCP server that does not exist
 * for the caller, a sub-agent graph with a cycle, a missing environment variable that a referenced tool needs,
 * and an idempotency key reused with another request body. Well-formedness failures are
 * {@link ValidationException}; this type lets an adapter respond differently (HTTP 422 rather than 400), with a
 * list of field errors when the problem lies in particular fields.
 */
public final class UnprocessableException extends DomainException {
    private final List<FieldError> errors;

    /**
     * Creates the exception from a non-empty list of field errors.
     *
     * @param errors the broken references, in the order they were found
     */
    public UnprocessableException(List<FieldError> errors) {
        super(summarize(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Creates the exception for a problem that lies in no particular field.
     *
     * @param message what was rejected and what to send instead
     */
    public UnprocessableException(String message) {
        super(message);
        this.errors = List.of();
    }

    /** Returns the broken references, or an empty list when the problem lies in no particular field. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summarize(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unprocessable input needs at least one field error");
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
