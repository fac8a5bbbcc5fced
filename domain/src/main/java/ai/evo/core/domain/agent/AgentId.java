package ai.evo.core.domain.agent;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of an agent.
 *
 * @param value the UUID
 */
public record AgentId(UUID value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
