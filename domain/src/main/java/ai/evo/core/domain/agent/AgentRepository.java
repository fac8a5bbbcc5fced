package ai.evo.core.domain.agent;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.ToolId;
import java.util.List;
import java.util.Optional;

/**
 * Stored agents. Every lookup takes the owning client, so a query can never reach another tenant's rows.
 * Implementations encrypt the API key at rest and join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}.
 */
public interface AgentRepository {

    /**
     * Inserts an agent; its timestamps are ignored and set by the store.
     *
     * @param agent the agent
     * @return the stored agent
     * @throws ai.evo.core.domain.common.ConflictException when the client already has an agent of that name
     */
    Agent insert(Agent agent);

    /**
     * Finds an agent of a client.
     *
     * @param clientId the owning client
     * @param id       the agent
     * @return the agent, or empty when the client has no agent with that id
     */
    Optional<Agent> findById(ClientId clientId, AgentId id);

    /**
     * Reads an agent of a client and locks its row until the transaction ends, so a read-then-write sees no
     * concurrent change.
     *
     * @param clientId the owning client
     * @param id       the agent
     * @return the agent, or empty when the client has no agent with that id
     */
    Optional<Agent> findByIdForUpdate(ClientId clientId, AgentId id);

    /**
     * Finds which client owns an agent. Only platform-wide callers (admins) use this, to reach an agent by id
     * alone; every other lookup stays scoped to a client.
     *
     * @param id the agent
     * @return the owning client, or empty when no agent has that id
     */
    Optional<ClientId> findOwner(AgentId id);

    /**
     * Finds the agents of a client that list an agent in {@code config_json.sub_agents}.
     *
     * @param clientId the owning client
     * @param subAgent the agent used as a sub-agent
     * @return the agents in creation order, possibly empty
     */
    List<Agent> findBySubAgent(ClientId clientId, AgentId subAgent);

    /**
     * Finds the agents of every client that list a catalog tool in {@code config_json.tools}.
     *
     * @param tool the tool
     * @return the agents in creation order, possibly empty
     */
    List<Agent> findByTool(ToolId tool);

    /**
     * Finds the agents of every client that list an MCP server in {@code config_json.mcp_servers}.
     *
     * @param server the server
     * @return the agents in creation order, possibly empty
     */
    List<Agent> findByMcpServer(McpServerId server);

    /**
     * Replaces every field of an agent except its id, client and creation time.
     *
     * @param agent the new state
     * @return the stored agent, or empty when the client has no agent with that id
     */
    Optional<Agent> update(Agent agent);

    /**
     * Deletes an agent and, through the database cascade, its conversations.
     *
     * @param clientId the owning client
     * @param id       the agent
     * @return whether a row was deleted
     */
    boolean delete(ClientId clientId, AgentId id);

    /**
     * Lists a client's agents in creation order.
     *
     * @param clientId the owning client
     * @param page     which page to read
     * @return the page
     */
    default Page<Agent> list(ClientId clientId, PageRequest page) {
        return list(AgentQuery.ofClient(clientId), page);
    }

    /**
     * Lists the agents that match a query, in creation order. A row that cannot be read (an unknown type, or a
     * secret that fails to decrypt) is left out and reported by the implementation, so one bad row never hides
     * the others.
     *
     * @param query the filters
     * @param page  which page to read
     * @return the page
     */
    Page<Agent> list(AgentQuery query, PageRequest page);
}
