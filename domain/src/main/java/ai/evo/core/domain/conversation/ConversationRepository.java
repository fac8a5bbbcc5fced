package ai.evo.core.domain.conversation;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.ContactId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Inserts conversations in the given order, all in the caller's transaction. The caller has checked that
     * every agent and contact belongs to one client; their creation times are ignored and set by the store.
     *
     * @param conversations the conversations, at most a few thousand
     * @return the stored conversations, in the same order
     */
    List<Conversation> insertAll(List<Conversation> conversations);

    /**
     * Lists a client's conversations newest first, ordered by creation time and then id.
     *
     * @param clientId the owning client
     * @param query    the filters
     * @param page     which page to read; its cursor points at the oldest row of the previous page
     * @return the page
     */
    Page<Conversation> list(ClientId clientId, ConversationQuery query, PageRequest page);

    /**
     * Streams a contact's whole history oldest first, one row at a time, without loading it into memory.
     * The consumer runs while the store holds a database connection, so it must not block for long.
     *
     * @param clientId  the owning client
     * @param contactId the contact
     * @param consumer  receives each conversation
     * @return the number of conversations passed to the consumer
     */
    long forEachOfContact(ClientId clientId, ContactId contactId, Consumer<Conversation> consumer);
}
