package ai.evo.core.application.agent;

import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.client.ClientId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a create or update request for an agent. On create, a field left out takes its default
 * (null, or {@code {}} for the config); on update, it keeps its stored value.
 *
 * @param clientId    the client sent in the body; a client user may only name its own, and an update cannot
 *                    change it
 * @param name        letters, digits, {@code _} and {@code -}; unique within the client; required on create
 * @param description free text, or null
 * @param type        {@code llm}, {@code sequential}, {@code parallel} or {@code loop}; required on create
 * @param model       the model name; required for {@code llm}
 * @param apiKey      the provider key; required for {@code llm}. {@code null} removes it, and the mask read
 *                    from the service keeps the stored key.
 * @param instruction the system instruction, or null
 * @param configJson  the type-specific config; env values inside it merge with the stored ones by the rules of
 *                    {@link ai.evo.core.domain.agent.AgentSecrets}
 */
public record AgentInput(
        Optional<ClientId> clientId,
        FieldUpdate<String> name,
        FieldUpdate<String> description,
        FieldUpdate<String> type,
        FieldUpdate<String> model,
        FieldUpdate<String> apiKey,
        FieldUpdate<String> instruction,
        FieldUpdate<Map<String, Object>> configJson) {

    public AgentInput {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(configJson, "configJson");
    }
}
