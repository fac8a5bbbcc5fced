package ai.evo.core.domain.conversation;

import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.contact.ContactId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message from a contact and the agent's response, as stored.
 *
 * @param id        the identifier
 * @param agentId   the agent that responded
 * @param contactId the contact that wrote
 * @param message   what the contact sent
 * @param response  what the agent answered
 * @param meta      free JSON-compatible attributes such as tokens used or tools called
 * @param createdAt when the row was inserted
 */
public record Conversation(
        ConversationId id,
        AgentId agentId,
        ContactId contactId,
        String message,
        String response,
        Map<String, Object> meta,
        Instant createdAt) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(meta, "meta");
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }
}
