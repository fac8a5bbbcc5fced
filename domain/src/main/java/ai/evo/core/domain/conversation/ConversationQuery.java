package ai.evo.core.domain.conversation;

import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.contact.ContactId;
import java.time.Instant;
import java.util.Optional;

/**
 * Filters for listing a client's conversations. Every present filter must match.
 *
 * @param contactId only conversations of this contact
 * @param agentId   only conversations handled by this agent
 * @param from      only conversations created at or after this time
 * @param to        only conversations created before this time
 */
public record ConversationQuery(
        Optional<ContactId> contactId,
        Optional<AgentId> agentId,
        Optional<Instant> from,
        Optional<Instant> to) {

    public ConversationQuery {
        contactId = contactId == null ? Optional.empty() : contactId;
        agentId = agentId == null ? Optional.empty() : agentId;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
    }

    /** Returns a query with no filter. */
    public static ConversationQuery all() {
        return new ConversationQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns a query for one contact's history.
     *
     * @param contactId the contact
     * @return the query
     */
    public static ConversationQuery ofContact(ContactId contactId) {
        return new ConversationQuery(Optional.of(contactId), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
