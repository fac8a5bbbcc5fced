package ai.evo.core.domain.agent;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An agent as stored.
 *
 * @param id          the identifier
 * @param clientId    the owning organization
 * @param name        unique within the client
 * @param description free text, or null
 * @param type        how the agent works
 * @param model       the model name for {@code llm} agents, or null
 * @param apiKey      the model provider's key, or null; encrypted at rest
 * @param instruction the system instruction, or null
 * @param configJson  type-specific configuration as JSON-compatible maps and lists
 * @param createdAt   when the row was inserted
 * @param updatedAt   when the row last changed
 */
public record Agent(
        AgentId id,
        ClientId clientId,
        String name,
        String description,
        AgentType type,
        String model,
        Secret apiKey,
        String instruction,
        Map<String, Object> configJson,
        Instant createdAt,
        Instant updatedAt) {

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(configJson, "configJson");
        configJson = Collections.unmodifiableMap(new LinkedHashMap<>(configJson));
    }

    /** Returns the id, client, name and type only, because the config contains secrets that must not reach a log. */
    @Override
    public String toString() {
        return "Agent[id=" + id + ", clientId=" + clientId + ", name=" + name + ", type=" + type.wireName() + "]";
    }
}
