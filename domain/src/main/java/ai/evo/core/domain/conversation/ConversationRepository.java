package ai.evo.core.domain.conversation;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.ContactId;
import java.util.Optional;

/**
 * Stored conversations. Lookups take the owning client and reach a conversation only through a contact of that
 * client. Implementations join the transaction opened by {@link ai.evo.core.domain.common.Transactions}.
 */
public interface ConversationRepository {

    /**
     * Inserts a conversation; its creation time is ignored and set by the store.
     *
     * @param conversation the conversation
     * @return the stored conversation
     */
    Conversation insert(Conversation conversation);

    /**
     * Finds a conversation whose contact belongs to a client.
     *
     * @param clientId the owning client
     * @param id       the conversation
     * @return the conversation, or empty
     */
    Optional<Conversation> findById(ClientId clientId, ConversationId id);

    /**
     * Lists a contact's conversations newest first.
     *
     * @param clientId  the owning client
     * @param contactId the contact
     * @param page      which page to read; its cursor points at the oldest row of the previous page
     * @return the page
     */
    Page<Conversation> listByContact(ClientId clientId, ContactId contactId, PageRequest page);
}
