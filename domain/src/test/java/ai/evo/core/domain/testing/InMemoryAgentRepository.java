package ai.evo.core.domain.testing;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Agent store in a map, for unit tests of the use cases. Paging ignores cursors. Not thread-safe. */
public final class InMemoryAgentRepository implements AgentRepository {
    private final Map<AgentId, Agent> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryAgentRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Agent insert(Agent agent) {
        Agent stored = new Agent(agent.id(), agent.clientId(), agent.name(), agent.description(), agent.type(),
                agent.model(), agent.apiKey(), agent.instruction(), agent.configJson(), clock.instant(),
                clock.instant());
        rows.put(agent.id(), stored);
        return stored;
    }

    @Override
    public Optional<Agent> findById(ClientId clientId, AgentId id) {
        return Optional.ofNullable(rows.get(id)).filter(agent -> agent.clientId().equals(clientId));
    }

    @Override
    public Optional<Agent> update(Agent agent) {
        return findById(agent.clientId(), agent.id()).map(old -> {
            rows.put(agent.id(), agent);
            return agent;
        });
    }

    @Override
    public boolean delete(ClientId clientId, AgentId id) {
        return findById(clientId, id).map(agent -> rows.remove(id) != null).orElse(false);
    }

    @Override
    public Page<Agent> list(ClientId clientId, PageRequest page) {
        return new Page<>(rows.values().stream().filter(a -> a.clientId().equals(clientId)).toList(),
                Optional.empty());
    }
}
