package ai.evo.core.domain.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of one message and response pair.
 *
 * @param value the UUID
 */
public record ConversationId(UUID value) {
    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
