package ai.evo.core.application.agent;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentConfig;
import ai.evo.core.domain.agent.AgentGraph;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The single check of everything an agent's config refers to, against the stores. Sub-agents must exist in the
 * agent's own client, and an agent of another client is reported exactly like a missing one. The sub-agent
 * graph must have no cycle. Referenced tools and MCP servers must exist, every environment variable they need
 * must have a value, and the MCP tools chosen must be offered by their server. Call it inside the transaction
 * that saves the agent.
 */
final class AgentReferences {
    private final AgentRepository agents;
    private final ToolRepository tools;
    private final McpServerRepository servers;

    AgentReferences(AgentRepository agents, ToolRepository tools, McpServerRepository servers) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.servers = Objects.requireNonNull(servers, "servers");
    }

    /**
     * Checks the references of an agent about to be saved.
     *
     * @param clientId the agent's client
     * @param self     the agent's id
     * @param selfName the agent's new name, for cycle messages
     * @param config   the references read from its config
     * @return the broken references, empty when all hold
     */
    List<FieldError> check(ClientId clientId, AgentId self, String selfName, AgentConfig config) {
        List<FieldError> errors = new ArrayList<>();
        Map<AgentId, Optional<Agent>> loaded = new HashMap<>();
        boolean allSubAgentsExist = true;
        for (AgentConfig.SubAgentReference reference : config.subAgents()) {
            if (reference.id().equals(self)) {
                continue;
            }
            if (load(loaded, clientId, reference.id()).isEmpty()) {
                allSubAgentsExist = false;
                errors.add(new FieldError(reference.field(), "no agent with id " + reference.id()
                        + " exists in this client; name an existing agent of the same client"));
            }
        }
        if (allSubAgentsExist) {
            List<AgentId> children = config.subAgents().stream().map(AgentConfig.SubAgentReference::id).toList();
            AgentGraph.findCycle(self, children, id -> storedSubAgents(loaded, clientId, id))
                    .ifPresent(cycle -> errors.add(new FieldError("config_json.sub_agents",
                            "would create a cycle: " + describe(cycle, self, selfName, loaded)
                                    + "; an agent must not reach itself through its sub-agents")));
        }
        config.tools().forEach(reference -> checkTool(reference, errors));
        config.mcpServers().forEach(reference -> checkServer(reference, errors));
        return errors;
    }

    private void checkTool(AgentConfig.ToolReference reference, List<FieldError> errors) {
        // The row lock holds until the agent's transaction ends, so a concurrent delete of the tool either waits
        // and then sees this agent using it, or commits first and this check finds no tool.
        Optional<Tool> tool = tools.findByIdForUpdate(reference.id());
        if (tool.isEmpty()) {
            errors.add(new FieldError(reference.field() + ".id", "no tool with id " + reference.id()
                    + " exists in the catalog"));
            return;
        }
        requireEnvs(reference.field(), "tool " + tool.get().name(), tool.get().environments(), reference.envs(),
                errors);
    }

    private void checkServer(AgentConfig.McpServerReference reference, List<FieldError> errors) {
        Optional<McpServer> server = servers.findByIdForUpdate(reference.id());
        if (server.isEmpty()) {
            errors.add(new FieldError(reference.field() + ".id", "no MCP server with id " + reference.id()
                    + " exists in the catalog"));
            return;
        }
        String label = "MCP server " + server.get().name();
        requireEnvs(reference.field(), label, server.get().environments(), reference.envs(), errors);
        List<String> offered = server.get().toolNames();
        for (int i = 0; i < reference.tools().size(); i++) {
            String tool = reference.tools().get(i);
            if (!offered.contains(tool)) {
                errors.add(new FieldError(reference.field() + ".tools[" + i + "]", "names the tool " + tool
                        + ", which " + label + " does not offer; choose from: " + String.join(", ", offered)));
            }
        }
    }

    private static void requireEnvs(String field, String label, Map<String, Object> required,
                                    Map<String, String> given, List<FieldError> errors) {
        for (String variable : required.keySet()) {
            if (!given.containsKey(variable)) {
                errors.add(new FieldError(field + ".envs." + variable, "is required by " + label
                        + "; give its value"));
            }
        }
    }

    private Optional<Agent> load(Map<AgentId, Optional<Agent>> loaded, ClientId clientId, AgentId id) {
        return loaded.computeIfAbsent(id, key -> agents.findById(clientId, key));
    }

    /** Reads the sub-agents of a stored agent, skipping entries that are not ids, as a stored row may be bad. */
    private List<AgentId> storedSubAgents(Map<AgentId, Optional<Agent>> loaded, ClientId clientId, AgentId id) {
        Optional<Agent> agent = load(loaded, clientId, id);
        if (agent.isEmpty() || !(agent.get().configJson().get("sub_agents") instanceof List<?> list)) {
            return List.of();
        }
        List<AgentId> ids = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String text) {
                try {
                    ids.add(new AgentId(UUID.fromString(text)));
                } catch (IllegalArgumentException e) {
                    // A malformed stored entry refers to no agent, so it cannot close a cycle.
                }
            }
        }
        return ids;
    }

    private static String describe(List<AgentId> cycle, AgentId self, String selfName,
                                   Map<AgentId, Optional<Agent>> loaded) {
        return cycle.stream()
                .map(id -> id.equals(self) ? selfName
                        : loaded.getOrDefault(id, Optional.empty()).map(Agent::name).orElse(id.toString()))
                .collect(Collectors.joining(" -> "));
    }
}
