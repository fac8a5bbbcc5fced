package ai.evo.core.application.catalog;

import ai.evo.core.application.shared.FieldUpdate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a create or update request for an MCP server. On create, a field left out takes its default;
 * on update, it keeps its stored value.
 *
 * @param name         unique across the catalog; required on create
 * @param description  free text, or null
 * @param type         {@code official} or {@code community}; required on create
 * @param configJson   connection configuration; default {@code {}}
 * @param environments each variable the server needs, mapped to its description, stored as secrets; default
 *                     {@code {}}, merged on update as for {@link ToolInput#environments()}
 * @param tools        the tools the server offers: names, or objects with a {@code name}; default {@code []}
 */
public record McpServerInput(
        FieldUpdate<String> name,
        FieldUpdate<String> description,
        FieldUpdate<String> type,
        FieldUpdate<Map<String, Object>> configJson,
        FieldUpdate<Map<String, Object>> environments,
        FieldUpdate<List<Object>> tools) {

    public McpServerInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(tools, "tools");
    }
}
