package ai.evo.core.application.agent;

import ai.evo.core.domain.client.ClientId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Filters of an agent listing as sent by the caller.
 *
 * @param clientIds  the {@code client_id} values sent; empty means every client the caller may see. Values
 *                   naming clients the caller may not see are dropped, never reported.
 * @param type       the wire name of a type, such as {@code llm}
 * @param namePrefix the start of the name
 */
public record AgentFilter(Set<ClientId> clientIds, Optional<String> type, Optional<String> namePrefix) {
    public AgentFilter {
        clientIds = Set.copyOf(clientIds);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namePrefix, "namePrefix");
    }

    /** Returns a filter that matches every agent the caller may see. */
    public static AgentFilter none() {
        return new AgentFilter(Set.of(), Optional.empty(), Optional.empty());
    }
}
