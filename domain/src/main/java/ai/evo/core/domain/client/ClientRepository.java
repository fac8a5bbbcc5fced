package ai.evo.core.domain.client;

import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Optional;

/**
 * Stored client organizations. A client row is its own tenant key, so every method is already scoped by the
 * id it takes; callers decide which ids a principal may name. Implementations are thread-safe and join the
 * transaction opened by {@link ai.evo.core.domain.common.Transactions}.
 */
public interface ClientRepository {

    /**
     * Inserts a client.
     *
     * @param id      the new id
     * @param details the validated fields
     * @return the stored client with its timestamps
     */
    Client insert(ClientId id, ClientDetails details);

    /**
     * Finds a client by id.
     *
     * @param id the id
     * @return the client, or empty when none has that id
     */
    Optional<Client> findById(ClientId id);

    /**
     * Reads a client and locks its row until the transaction ends, so a read-then-write sees no concurrent change.
     *
     * @param id the id
     * @return the client, or empty when none has that id
     */
    Optional<Client> findByIdForUpdate(ClientId id);

    /**
     * Replaces the editable fields of a client.
     *
     * @param id      the id
     * @param details the new fields
     * @return the stored client, or empty when none has that id
     */
    Optional<Client> update(ClientId id, ClientDetails details);

    /**
     * Deletes a client. The database cascades the delete to its users, agents, contacts and their conversations.
     *
     * @param id the id
     * @return whether a row was deleted
     */
    boolean delete(ClientId id);

    /**
     * Lists clients in creation order.
     *
     * @param page which page to read
     * @return the page
     */
    Page<Client> list(PageRequest page);
}
