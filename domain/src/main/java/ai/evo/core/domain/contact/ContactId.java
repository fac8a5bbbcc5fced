package ai.evo.core.domain.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a contact.
 *
 * @param value the UUID
 */
public record ContactId(UUID value) {
    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
