package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationRepositoryTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static ConversationRepository conversations;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        conversations = persistence.conversations();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static Conversation conversation(AgentId agentId, ContactId contactId, String message,
                                             Map<String, Object> meta) {
        return new Conversation(new ConversationId(fixtures.newId()), agentId, contactId, message, "response",
                meta, Fixtures.IGNORED);
    }

    @Test
    void insertThenFindRoundTrips() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        Map<String, Object> meta = Map.of("tokens", Map.of("input", 12, "output", 40), "note", "São Paulo ✓ 日本");
        Conversation conversation = conversation(agent.id(), contact.id(), "olá 日本", meta);

        Conversation inserted = conversations.insert(conversation);

        assertThat(inserted.message()).isEqualTo("olá 日本");
        assertThat(inserted.meta()).isEqualTo(meta);
        assertThat(inserted.createdAt()).isNotEqualTo(Fixtures.IGNORED);
        assertThat(conversations.findById(client.id(), conversation.id())).contains(inserted);
    }

    @Test
    void otherTenantCannotReachConversation() {
        Client owner = fixtures.client();
        Client other = fixtures.client();
        Agent agent = fixtures.agent(owner.id());
        Contact contact = fixtures.contact(owner.id());
        Conversation conversation = fixtures.conversation(agent, contact, "private");

        assertThat(conversations.findById(other.id(), conversation.id())).isEmpty();
        assertThat(conversations.listByContact(other.id(), contact.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void agentOfOtherTenantIsNotFound() {
        Agent foreignAgent = fixtures.agent(fixtures.client().id());
        Contact contact = fixtures.contact(fixtures.client().id());

        assertThatThrownBy(() -> conversations.insert(conversation(foreignAgent.id(), contact.id(), "x", Map.of())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("agent"));
    }

    @Test
    void unknownContactIsNotFound() {
        Agent agent = fixtures.agent(fixtures.client().id());

        assertThatThrownBy(() -> conversations.insert(
                conversation(agent.id(), new ContactId(fixtures.newId()), "x", Map.of())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("contact"));
    }

    @Test
    void duplicateIdIsConflict() {
        Client client = fixtures.client();
        Conversation conversation = fixtures.conversation(fixtures.agent(client.id()), fixtures.contact(client.id()),
                "once");

        assertThatThrownBy(() -> conversations.insert(conversation)).isInstanceOf(ConflictException.class);
    }

    @Test
    void nulInMessageIsValidationError() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());

        assertThatThrownBy(() -> conversations.insert(
                conversation(agent.id(), contact.id(), "hello\u0000world", Map.of())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("message"));
        assertThat(conversations.listByContact(client.id(), contact.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void listByContactPagesNewestFirst() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        fixtures.conversation(agent, fixtures.contact(client.id()), "other contact");
        List<Conversation> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(fixtures.conversation(agent, contact, "message " + i));
        }

        List<Conversation> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Conversation> page = conversations.listByContact(client.id(), contact.id(), new PageRequest(2, after));
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());

        Collections.reverse(inserted);
        assertThat(read).containsExactlyElementsOf(inserted);
    }

    @Test
    void deletingContactCascades() {
        Client client = fixtures.client();
        Contact contact = fixtures.contact(client.id());
        Conversation conversation = fixtures.conversation(fixtures.agent(client.id()), contact, "bye");

        persistence.contacts().delete(client.id(), contact.id());

        assertThat(conversations.findById(client.id(), conversation.id())).isEmpty();
    }
}
