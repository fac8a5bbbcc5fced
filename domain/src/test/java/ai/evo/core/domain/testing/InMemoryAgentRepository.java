package ai.evo.core.domain.testing;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentQuery;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.ToolId;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agent store in a map, for unit tests of the use cases. Enforces the unique name per client. Thread-safe. */
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
    public synchronized Agent insert(Agent agent) {
        if (rows.containsKey(agent.id())) {
            throw new ConflictException("an agent with id " + agent.id() + " already exists");
        }
        requireUniqueName(agent);
        Agent stored = withTimes(agent, clock.instant(), null);
        rows.put(agent.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Agent> findById(ClientId clientId, AgentId id) {
        return Optional.ofNullable(rows.get(id)).filter(agent -> agent.clientId().equals(clientId));
    }

    @Override
    public Optional<Agent> findByIdForUpdate(ClientId clientId, AgentId id) {
        return findById(clientId, id);
    }

    @Override
    public synchronized Optional<ClientId> findOwner(AgentId id) {
        return Optional.ofNullable(rows.get(id)).map(Agent::clientId);
    }

    @Override
    public synchronized List<Agent> findBySubAgent(ClientId clientId, AgentId subAgent) {
        return ordered().stream()
                .filter(agent -> agent.clientId().equals(clientId))
                .filter(agent -> agent.configJson().get("sub_agents") instanceof List<?> list
                        && list.contains(subAgent.toString()))
                .toList();
    }

    @Override
    public synchronized List<Agent> findByTool(ToolId tool) {
        return ordered().stream().filter(agent -> listsId(agent, "tools", tool.toString())).toList();
    }

    @Override
    public synchronized List<Agent> findByMcpServer(McpServerId server) {
        return ordered().stream().filter(agent -> listsId(agent, "mcp_servers", server.toString())).toList();
    }

    @Override
    public synchronized Optional<Agent> update(Agent agent) {
        Agent old = rows.get(agent.id());
        if (old == null || !old.clientId().equals(agent.clientId())) {
            return Optional.empty();
        }
        requireUniqueName(agent);
        Agent stored = withTimes(agent, old.createdAt(), clock.instant());
        rows.put(agent.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean delete(ClientId clientId, AgentId id) {
        if (findById(clientId, id).isEmpty()) {
            return false;
        }
        rows.remove(id);
        return true;
    }

    @Override
    public synchronized Page<Agent> list(AgentQuery query, PageRequest page) {
        List<Agent> matching = rows.values().stream().filter(query::matches).toList();
        return KeysetPages.page(matching, page, Agent::createdAt, agent -> agent.id().value());
    }

    /** Returns every stored agent, for assertions that nothing changed. */
    public synchronized List<Agent> all() {
        return ordered();
    }

    private List<Agent> ordered() {
        return rows.values().stream()
                .sorted(Comparator.comparing(Agent::createdAt).thenComparing(agent -> agent.id().value()))
                .toList();
    }

    private void requireUniqueName(Agent agent) {
        boolean taken = rows.values().stream().anyMatch(other -> !other.id().equals(agent.id())
                && other.clientId().equals(agent.clientId()) && other.name().equals(agent.name()));
        if (taken) {
            throw new ConflictException("an agent named " + agent.name() + " already exists for this client");
        }
    }

    private static boolean listsId(Agent agent, String listName, String id) {
        return agent.configJson().get(listName) instanceof List<?> items
                && items.stream().anyMatch(item -> item instanceof Map<?, ?> map && id.equals(map.get("id")));
    }

    private static Agent withTimes(Agent agent, java.time.Instant createdAt, java.time.Instant updatedAt) {
        return new Agent(agent.id(), agent.clientId(), agent.name(), agent.description(), agent.type(),
                agent.model(), agent.apiKey(), agent.instruction(), agent.configJson(), createdAt,
                updatedAt == null ? createdAt : updatedAt);
    }
}
