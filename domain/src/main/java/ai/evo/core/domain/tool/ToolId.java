package ai.evo.core.domain.tool;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a tool in the global catalog.
 *
 * @param value the UUID
 */
public record ToolId(UUID value) {
    public ToolId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
