package ai.evo.core.persistence;

import ai.evo.core.domain.common.DomainException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates PostgreSQL errors that a caller can cause into domain exceptions. The messages come from the
 * repositories and never hold SQL text or bound values; everything else propagates unchanged.
 */
final class SqlErrors {
    /** unique_violation: a UNIQUE constraint or unique index rejected the row. */
    static final String UNIQUE_VIOLATION = "23505";
    /** foreign_key_violation: a referenced row does not exist. */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    /** untranslatable_character: {@code jsonb} input held the escape {@code \u0000}. */
    static final String UNTRANSLATABLE_CHARACTER = "22P05";
    /** character_not_in_repertoire: text held the byte 0x00. */
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    /** string_data_right_truncation: text longer than its {@code varchar(n)} column. */
    static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    /** invalid_text_representation: for example JSON text with an unpaired surrogate escape. */
    static final String INVALID_TEXT_REPRESENTATION = "22P02";

    private SqlErrors() {
    }

    /**
     * Translates a failed statement.
     *
     * @param error       the JDBI error
     * @param fields      the text and JSON values of the write, to name the field of an encoding error
     * @param constraints the domain exception for each constraint name the write can violate
     * @return the domain exception to throw, or {@code error} itself when it is not a caller's mistake
     */
    static RuntimeException translate(
            JdbiException error, WriteFields fields, Map<String, Supplier<DomainException>> constraints) {
        Optional<PSQLException> cause = postgresCause(error);
        if (cause.isEmpty()) {
            return error;
        }
        String state = cause.get().getSQLState();
        if (UNIQUE_VIOLATION.equals(state) || FOREIGN_KEY_VIOLATION.equals(state)) {
            String constraint = Optional.ofNullable(cause.get().getServerErrorMessage())
                    .map(ServerErrorMessage::getConstraint)
                    .orElse("");
            Supplier<DomainException> translation = constraints.get(constraint);
            return translation == null ? error : translation.get();
        }
        if (UNTRANSLATABLE_CHARACTER.equals(state) || CHARACTER_NOT_IN_REPERTOIRE.equals(state)) {
            return fields.nulCharacterError();
        }
        if (STRING_DATA_RIGHT_TRUNCATION.equals(state)) {
            return fields.tooLongError();
        }
        if (INVALID_TEXT_REPRESENTATION.equals(state) && isJsonError(cause.get())) {
            return fields.invalidJsonError();
        }
        return error;
    }

    private static boolean isJsonError(PSQLException cause) {
        ServerErrorMessage message = cause.getServerErrorMessage();
        return message != null && message.getMessage() != null && message.getMessage().contains("json");
    }

    private static Optional<PSQLException> postgresCause(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof PSQLException postgres) {
                return Optional.of(postgres);
            }
            if (current instanceof SQLException sql && sql.getNextException() instanceof PSQLException next) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}
