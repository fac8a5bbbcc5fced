package ai.evo.core.domain.agent;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
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
    Page<Agent> list(ClientId clientId, PageRequest page);
}
