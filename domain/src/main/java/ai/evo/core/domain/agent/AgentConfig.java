package ai.evo.core.domain.agent;

import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.ToolId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The references and limits read from an agent's {@code config_json}, after validation. The JSON itself is
 * stored as sent, so keys the service does not know survive a round trip.
 *
 * @param subAgents     agents this agent runs, in order
 * @param tools         catalog tools an {@code llm} agent uses
 * @param mcpServers    MCP servers an {@code llm} agent uses
 * @param httpTools     HTTP tools defined inline by an {@code llm} agent
 * @param maxIterations how often a {@code loop} agent repeats, or 0 for other types
 */
public record AgentConfig(
        List<SubAgentReference> subAgents,
        List<ToolReference> tools,
        List<McpServerReference> mcpServers,
        List<HttpTool> httpTools,
        int maxIterations) {

    public AgentConfig {
        subAgents = List.copyOf(subAgents);
        tools = List.copyOf(tools);
        mcpServers = List.copyOf(mcpServers);
        httpTools = List.copyOf(httpTools);
    }

    /**
     * A sub-agent named in {@code config_json.sub_agents}.
     *
     * @param id    the agent
     * @param field the field path, for error messages
     */
    public record SubAgentReference(AgentId id, String field) {
        public SubAgentReference {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * A catalog tool with the values of the environment variables it needs.
     *
     * @param id    the tool
     * @param envs  variable name to value; the values are secrets
     * @param field the field path, for error messages
     */
    public record ToolReference(ToolId id, Map<String, String> envs, String field) {
        public ToolReference {
            Objects.requireNonNull(id, "id");
            envs = Map.copyOf(envs);
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * An MCP server with the values of the environment variables it needs and the tools chosen from it.
     *
     * @param id    the server
     * @param envs  variable name to value; the values are secrets
     * @param tools names of the server's tools the agent uses
     * @param field the field path, for error messages
     */
    public record McpServerReference(McpServerId id, Map<String, String> envs, List<String> tools, String field) {
        public McpServerReference {
            Objects.requireNonNull(id, "id");
            envs = Map.copyOf(envs);
            tools = List.copyOf(tools);
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * An HTTP endpoint an {@code llm} agent may call as a tool.
     *
     * @param name     the tool name the model sees
     * @param method   the HTTP method
     * @param endpoint the absolute http or https URL
     */
    public record HttpTool(String name, String method, String endpoint) {
    }
}
