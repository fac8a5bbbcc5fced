package ai.evo.core.domain.agent;

import ai.evo.core.domain.client.ClientId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Filters for listing agents. Every present filter must match.
 *
 * @param clients    only agents of these clients; empty means every client, which only a platform-wide listing
 *                   by an admin may ask for. A present but empty set matches nothing.
 * @param type       only agents of this type
 * @param namePrefix only agents whose name starts with this text, compared case-sensitively
 */
public record AgentQuery(Optional<Set<ClientId>> clients, Optional<AgentType> type, Optional<String> namePrefix) {
    public AgentQuery {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namePrefix, "namePrefix");
        clients = clients.map(Set::copyOf);
    }

    /**
     * Returns a query for every agent of one client.
     *
     * @param clientId the client
     * @return the query
     */
    public static AgentQuery ofClient(ClientId clientId) {
        return new AgentQuery(Optional.of(Set.of(clientId)), Optional.empty(), Optional.empty());
    }

    /**
     * Tells whether an agent passes every filter.
     *
     * @param agent the agent
     * @return whether it matches
     */
    public boolean matches(Agent agent) {
        return clients.map(set -> set.contains(agent.clientId())).orElse(true)
                && type.map(agent.type()::equals).orElse(true)
                && namePrefix.map(agent.name()::startsWith).orElse(true);
    }
}
