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
     * @throws ai.evo.core.domain.common.ConflictException when the client has a contact with that {@code ext_id}
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
     * Reads a contact of a client and locks its row until the transaction ends.
     *
     * @param clientId the owning client
     * @param id       the contact
     * @return the contact, or empty when the client has no contact with that id
     */
    Optional<Contact> findByIdForUpdate(ClientId clientId, ContactId id);

    /**
     * Finds which client owns a contact. Only platform-wide callers (admins) use this.
     *
     * @param id the contact
     * @return the owning client, or empty when no contact has that id
     */
    Optional<ClientId> findOwner(ContactId id);

    /**
     * Inserts a contact unless its client already has one with the same {@code ext_id}, in one atomic step: two
     * concurrent calls for one {@code ext_id} store one contact and both return it.
     *
     * @param candidate the contact to insert; its {@code ext_id} must not be null
     * @return the stored contact and whether this call created it
     */
    FoundOrCreated findOrCreateByExtId(Contact candidate);

    /**
     * Result of {@link #findOrCreateByExtId}.
     *
     * @param contact the stored contact
     * @param created whether this call inserted it
     */
    record FoundOrCreated(Contact contact, boolean created) {
    }

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
     * @throws ai.evo.core.domain.common.ConflictException when another contact of the client has that
     *                                                     {@code ext_id}
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
