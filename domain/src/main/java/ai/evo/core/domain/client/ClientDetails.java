package ai.evo.core.domain.client;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import java.util.Objects;

/**
 * The editable fields of a client organization.
 *
 * @param name  display name, 1 to 255 characters
 * @param email contact address of the organization
 */
public record ClientDetails(String name, EmailAddress email) {
    /** Longest name that fits the {@code varchar(255)} column. */
    public static final int MAX_NAME_LENGTH = 255;

    public ClientDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /**
     * Validates raw input and reports every broken rule at once.
     *
     * @param name  the name as received
     * @param email the email as received
     * @return the validated details
     * @throws ValidationException naming each invalid field
     */
    public static ClientDetails of(String name, String email) {
        Validator validator = new Validator();
        String checkedName = StorableText.required(validator, "name", name, MAX_NAME_LENGTH);
        EmailAddress checkedEmail = validator.attempt(v -> EmailAddress.parse("email", email));
        validator.throwIfInvalid();
        return new ClientDetails(checkedName.strip(), checkedEmail);
    }
}
