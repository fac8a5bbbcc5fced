package ai.evo.core.domain.mcpserver;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An MCP (Model Context Protocol) server in the platform-wide catalog, as stored.
 *
 * @param id           the identifier
 * @param name         unique across the catalog
 * @param description  free text, or null
 * @param configJson   connection configuration as JSON-compatible maps and lists
 * @param environments each environment variable the server needs, mapped to its description
 * @param tools        the tools the server offers, as JSON-compatible values
 * @param type         {@code official} or {@code community}
 * @param createdAt    when the row was inserted
 * @param updatedAt    when the row last changed
 */
public record McpServer(
        McpServerId id,
        String name,
        String description,
        Map<String, Object> configJson,
        Map<String, Object> environments,
        List<Object> tools,
        String type,
        Instant createdAt,
        Instant updatedAt) {

    public McpServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(type, "type");
        configJson = Collections.unmodifiableMap(new LinkedHashMap<>(configJson));
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        tools = Collections.unmodifiableList(new java.util.ArrayList<>(tools));
    }

    /**
     * Returns the names of the tools the server offers: each item of {@code tools} that is a string, or an
     * object with a string {@code name}.
     */
    public List<String> toolNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Object tool : tools) {
            if (tool instanceof String name) {
                names.add(name);
            } else if (tool instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                names.add(name);
            }
        }
        return names;
    }

    /** Returns the id and name only, because the environment values are stored as secrets. */
    @Override
    public String toString() {
        return "McpServer[id=" + id + ", name=" + name + "]";
    }
}
