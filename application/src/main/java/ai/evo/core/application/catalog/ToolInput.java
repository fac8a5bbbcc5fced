package ai.evo.core.application.catalog;

import ai.evo.core.application.shared.FieldUpdate;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a create or update request for a catalog tool. On create, a field left out takes its default;
 * on update, it keeps its stored value.
 *
 * @param name         unique across the catalog; required on create
 * @param description  free text, or null
 * @param configJson   tool configuration; default {@code {}}
 * @param environments each variable the tool needs, mapped to its description, stored as secrets; default
 *                     {@code {}}. Within it a variable left out keeps its stored value, {@code null} removes it
 *                     and its mask keeps the stored value.
 */
public record ToolInput(
        FieldUpdate<String> name,
        FieldUpdate<String> description,
        FieldUpdate<Map<String, Object>> configJson,
        FieldUpdate<Map<String, Object>> environments) {

    public ToolInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(environments, "environments");
    }
}
