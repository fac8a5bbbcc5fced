package ai.evo.core.domain.user;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a user account.
 *
 * @param value the UUID
 */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
