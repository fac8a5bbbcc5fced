package ai.evo.core.domain.contact;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.util.Optional;

/**
 * Stored contacts. Every lookup takes the owning client, so a query can never reach another tenant's rows.
 * Implementations join the transaction opened by {@link ai.evo.core.domain.common.Transactions}.
 */
public interface ContactRepository {

    /**
     * Inserts a contact; its timestamps are ignored and set by the store.
     *
     * @param contact the contact
     * @return the stored contact
     */
    Contact insert(Contact contact);

    /**
     * Finds a contact of a client.
     *
     * @param clientId the owning client
     * @param id       the contact
     * @return the contact, or empty when the client has no contact with that id
     */
    Optional<Contact> findById(ClientId clientId, ContactId id);

    /**
     * Finds a contact of a client by its channel id.
     *
     * @param clientId the owning client
     * @param extId    the channel id
     * @return the contact, or empty
     */
    Optional<Contact> findByExtId(ClientId clientId, String extId);

    /**
     * Replaces the external id, name and meta of a contact.
     *
     * @param contact the new state
     * @return the stored contact, or empty when the client has no contact with that id
     */
    Optional<Contact> update(Contact contact);

    /**
     * Deletes a contact and, through the database cascade, its conversations.
     *
     * @param clientId the owning client
     * @param id       the contact
     * @return whether a row was deleted
     */
    boolean delete(ClientId clientId, ContactId id);

    /**
     * Lists a client's contacts in creation order.
     *
     * @param clientId the owning client
     * @param page     which page to read
     * @return the page
     */
    Page<Contact> list(ClientId clientId, PageRequest page);
}
