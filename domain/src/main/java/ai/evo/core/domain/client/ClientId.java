package ai.evo.core.domain.client;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a client organization, the tenant that owns agents, contacts and conversations.
 *
 * @param value the UUID
 */
public record ClientId(UUID value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
