package ai.evo.core.domain.tool;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool in the platform-wide catalog, as stored.
 *
 * @param id           the identifier
 * @param name         unique across the catalog
 * @param description  free text, or null
 * @param configJson   tool configuration as JSON-compatible maps and lists
 * @param environments each environment variable the tool needs, mapped to its description
 * @param createdAt    when the row was inserted
 * @param updatedAt    when the row last changed
 */
public record Tool(
        ToolId id,
        String name,
        String description,
        Map<String, Object> configJson,
        Map<String, Object> environments,
        Instant createdAt,
        Instant updatedAt) {

    public Tool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(environments, "environments");
        configJson = Collections.unmodifiableMap(new LinkedHashMap<>(configJson));
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** Returns the id and name only, because the environment values are stored as secrets. */
    @Override
    public String toString() {
        return "Tool[id=" + id + ", name=" + name + "]";
    }
}
