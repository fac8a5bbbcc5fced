package ai.evo.core.domain.tool;

import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Optional;

/**
 * The stored tool catalog, shared by all tenants. Implementations join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}.
 */
public interface ToolRepository {

    /**
     * Inserts a tool; its timestamps are ignored and set by the store.
     *
     * @param tool the tool
     * @return the stored tool
     * @throws ai.evo.core.domain.common.ConflictException when a tool of that name exists
     */
    Tool insert(Tool tool);

    /**
     * Finds a tool.
     *
     * @param id the id
     * @return the tool, or empty
     */
    Optional<Tool> findById(ToolId id);

    /**
     * Reads a tool and locks its row until the transaction ends.
     *
     * @param id the id
     * @return the tool, or empty
     */
    Optional<Tool> findByIdForUpdate(ToolId id);

    /**
     * Replaces every field of a tool except its id and creation time.
     *
     * @param tool the new state
     * @return the stored tool, or empty when none has that id
     * @throws ai.evo.core.domain.common.ConflictException when another tool has that name
     */
    Optional<Tool> update(Tool tool);

    /**
     * Deletes a tool.
     *
     * @param id the id
     * @return whether a row was deleted
     */
    boolean delete(ToolId id);

    /**
     * Lists tools in creation order.
     *
     * @param page which page to read
     * @return the page
     */
    Page<Tool> list(PageRequest page);
}
