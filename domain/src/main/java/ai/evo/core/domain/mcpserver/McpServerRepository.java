package ai.evo.core.domain.mcpserver;

import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Optional;

/**
 * The stored MCP server catalog, shared by all tenants. Implementations join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}.
 */
public interface McpServerRepository {

    /**
     * Inserts a server; its timestamps are ignored and set by the store.
     *
     * @param server the server
     * @return the stored server
     * @throws ai.evo.core.domain.common.ConflictException when a server of that name exists
     */
    McpServer insert(McpServer server);

    /**
     * Finds a server.
     *
     * @param id the id
     * @return the server, or empty
     */
    Optional<McpServer> findById(McpServerId id);

    /**
     * Reads a server and locks its row until the transaction ends.
     *
     * @param id the id
     * @return the server, or empty
     */
    Optional<McpServer> findByIdForUpdate(McpServerId id);

    /**
     * Replaces every field of a server except its id and creation time.
     *
     * @param server the new state
     * @return the stored server, or empty when none has that id
     * @throws ai.evo.core.domain.common.ConflictException when another server has that name
     */
    Optional<McpServer> update(McpServer server);

    /**
     * Deletes a server.
     *
     * @param id the id
     * @return whether a row was deleted
     */
    boolean delete(McpServerId id);

    /**
     * Lists servers in creation order.
     *
     * @param page which page to read
     * @return the page
     */
    Page<McpServer> list(PageRequest page);
}
