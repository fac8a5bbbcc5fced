package ai.evo.core.domain.mcpserver;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of an MCP server in the global catalog.
 *
 * @param value the UUID
 */
public record McpServerId(UUID value) {
    public McpServerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
