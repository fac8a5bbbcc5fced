package ai.evo.core.persistence;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds and inserts rows with unique ids and names, so tests sharing a database do not collide. */
final class Fixtures {
    /** The timestamps that repositories ignore on insert. */
    static final Instant IGNORED = Instant.EPOCH;

    private final PostgresPersistence persistence;
    private final IdGenerator ids = new TimeOrderedIdGenerator(Clock.systemUTC());

    Fixtures(PostgresPersistence persistence) {
        this.persistence = persistence;
    }

    UUID newId() {
        return ids.newId();
    }

    Client client() {
        String suffix = newId().toString().substring(24);
        return persistence.clients().insert(new ClientId(newId()),
                new ClientDetails("Client " + suffix, new EmailAddress("client-" + suffix + "@example.test")));
    }

    User user(ClientId clientId) {
        return persistence.users().insert(new NewUser(new UserId(newId()),
                new EmailAddress("user-" + newId() + "@example.test"),
                "$2a$04$notarealhashnotarealhashnotarealhashnotarealhash",
                clientId, true, true, false));
    }

    Agent newAgent(ClientId clientId, String name) {
        return new Agent(new AgentId(newId()), clientId, name, "An agent", AgentType.LLM, "gpt-4o-mini",
                Secret.of("sk-test-" + newId()), "Be brief.", Map.of("tools", java.util.List.of()), IGNORED, IGNORED);
    }

    Agent agent(ClientId clientId) {
        return persistence.agents().insert(newAgent(clientId, "agent-" + newId()));
    }

    Contact newContact(ClientId clientId) {
        return new Contact(new ContactId(newId()), clientId, "ext-" + newId(), "Contact", Map.of(), IGNORED, IGNORED);
    }

    Contact contact(ClientId clientId) {
        return persistence.contacts().insert(newContact(clientId));
    }

    Conversation conversation(Agent agent, Contact contact, String message) {
        return persistence.conversations().insert(new Conversation(new ConversationId(newId()), agent.id(),
                contact.id(), message, "reply to " + message, Map.of(), IGNORED));
    }
}
