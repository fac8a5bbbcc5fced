package ai.evo.core.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationDraft;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationQuery;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAgentRepository;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryContactRepository;
import ai.evo.core.domain.testing.InMemoryConversationRepository;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ConversationServiceTest {
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "gateway/1.0");
    private static final ClientId CLIENT_A = new ClientId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final ClientId CLIENT_B = new ClientId(UUID.fromString("00000000-0000-4000-8000-00000000000b"));
    private static final Caller USER_A = new Caller(new UserId(UUID.randomUUID()), false, CLIENT_A, ORIGIN);
    private static final Caller ADMIN = new Caller(new UserId(UUID.randomUUID()), true, null, ORIGIN);

    /** A clock that moves one second per reading, so rows get distinct, ordered creation times. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }

    private final Clock clock = new SteppingClock();
    private InMemoryAgentRepository agents;
    private InMemoryContactRepository contacts;
    private InMemoryConversationRepository conversations;
    private InMemoryAuditTrail trail;
    private ConversationService service;
    private final SequentialIds ids = new SequentialIds();
    private Agent agentA;
    private Contact contactA;
    private Agent agentB;
    private Contact contactB;

    @BeforeEach
    void setUp() {
        agents = new InMemoryAgentRepository(clock);
        contacts = new InMemoryContactRepository(clock);
        conversations = new InMemoryConversationRepository(contacts, clock);
        trail = new InMemoryAuditTrail(clock);
        service = new ConversationService(new DirectTransactions(), conversations, agents, contacts,
                new AuditRecorder(trail, ids), ids, clock);
        agentA = agent(CLIENT_A, "support-a");
        contactA = contact(CLIENT_A, "Ana");
        agentB = agent(CLIENT_B, "support-b");
        contactB = contact(CLIENT_B, "Bruno");
    }

    private Agent agent(ClientId client, String name) {
        return agents.insert(new Agent(new AgentId(ids.newId()), client, name, null, AgentType.LLM, "model-x",
                null, null, Map.of(), null, null));
    }

    private Contact contact(ClientId client, String name) {
        return contacts.insert(new Contact(new ContactId(ids.newId()), client, null, name, Map.of(), null, null));
    }

    private static ConversationDraft draft(Agent agent, Contact contact, String message) {
        return new ConversationDraft(agent.id(), contact.id(), message, "answer to " + message,
                Map.of("tokens", 12));
    }

    @Test
    void appendStoresRowAndOneAuditEntry() {
        Conversation stored = service.append(USER_A, null, draft(agentA, contactA, "hello"));

        assertThat(conversations.rows()).containsExactly(stored);
        assertThat(stored.meta()).containsEntry("tokens", 12);
        assertThat(trail.entries()).hasSize(1);
        AuditEntry entry = trail.entries().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.resourceType()).isEqualTo(ResourceType.CONVERSATION);
        assertThat(entry.resourceId()).isEqualTo(stored.id().value());
        assertThat(entry.clientId()).isEqualTo(CLIENT_A);
        Map<String, Object> after = (Map<String, Object>) entry.details().get("after");
        assertThat(after).containsEntry("message_length", 5);
        assertThat(after.values()).doesNotContain("hello");
    }

    @Test
    void appendWithOtherTenantsAgentIsNotFound() {
        assertThatThrownBy(() -> service.append(USER_A, null, draft(agentB, contactA, "hi")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("agent not found");
        assertThat(conversations.rows()).isEmpty();
        assertThat(trail.entries()).isEmpty();
    }

    @Test
    void appendWithOtherTenantsContactIsNotFound() {
        assertThatThrownBy(() -> service.append(USER_A, null, draft(agentA, contactB, "hi")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("contact not found");
        assertThat(conversations.rows()).isEmpty();
    }

    @Test
    void appendNamingOtherClientIsNotFound() {
        assertThatThrownBy(() -> service.append(USER_A, CLIENT_B, draft(agentB, contactB, "hi")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("client not found");
        assertThat(conversations.rows()).isEmpty();
    }

    @Test
    void adminWithoutClientMustNameOne() {
        assertThatThrownBy(() -> service.append(ADMIN, null, draft(agentA, contactA, "hi")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("client_id");

        Conversation stored = service.append(ADMIN, CLIENT_B, draft(agentB, contactB, "hi"));
        assertThat(service.get(ADMIN, CLIENT_B, stored.id())).isEqualTo(stored);
    }

    @Test
    void appendRejectsNulAndLoneSurrogate() {
        ConversationDraft bad = new ConversationDraft(agentA.id(), contactA.id(), "hello\u0000world", "\ud800",
                Map.of("k\u0000", "v"));

        ValidationException error = (ValidationException) catchValidation(() -> service.append(USER_A, null, bad));

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactly("message", "response", "meta.k\u0000");
        assertThat(conversations.rows()).isEmpty();
    }

    @Test
    void appendKeepsControlCharactersExactly() {
        Conversation stored = service.append(USER_A, null,
                new ConversationDraft(agentA.id(), contactA.id(), "a\u0001b", "", Map.of("note", "x\u0001y")));

        assertThat(stored.message()).isEqualTo("a\u0001b");
        assertThat(stored.meta()).containsEntry("note", "x\u0001y");
    }

    @Test
    void appendListsEveryMissingField() {
        ValidationException error = (ValidationException) catchValidation(
                () -> service.append(USER_A, null, new ConversationDraft(null, null, " ", null, null)));

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactly("agent_id", "contact_id", "message", "response");
    }

    @Test
    void batchNamesIndexOfEachBadRow() {
        List<ConversationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(draft(agentA, contactA, "message " + i));
        }
        drafts.set(17, new ConversationDraft(agentA.id(), contactA.id(), "", "r", null));
        drafts.set(3, new ConversationDraft(agentA.id(), contactA.id(), "m", null, null));

        ValidationException error = (ValidationException) catchValidation(
                () -> service.appendBatch(USER_A, null, drafts));

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactly("items[3].response", "items[17].message");
        assertThat(conversations.rows()).isEmpty();
        assertThat(trail.entries()).isEmpty();
    }

    @Test
    void batchWithOtherTenantsIdsStoresNothing() {
        List<ConversationDraft> drafts = List.of(
                draft(agentA, contactA, "one"),
                draft(agentB, contactA, "two"),
                draft(agentA, contactB, "three"));

        ValidationException error = (ValidationException) catchValidation(
                () -> service.appendBatch(USER_A, null, drafts));

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactly("items[1].agent_id", "items[2].contact_id");
        assertThat(conversations.rows()).isEmpty();
    }

    @Test
    void batchStoresAllWithOneAuditEntry() {
        List<ConversationDraft> drafts = List.of(draft(agentA, contactA, "one"), draft(agentA, contactA, "two"));

        List<Conversation> stored = service.appendBatch(USER_A, null, drafts);

        assertThat(stored).extracting(Conversation::message).containsExactly("one", "two");
        assertThat(conversations.rows()).hasSize(2);
        assertThat(trail.entries()).hasSize(1);
        Map<String, Object> after = (Map<String, Object>) trail.entries().get(0).details().get("after");
        assertThat(after).containsEntry("count", 2);
        assertThat((List<String>) after.get("ids"))
                .containsExactly(stored.get(0).id().toString(), stored.get(1).id().toString());
    }

    @Test
    void batchSizeLimits() {
        List<ConversationDraft> tooMany = new ArrayList<>();
        for (int i = 0; i <= ConversationService.MAX_BATCH_SIZE; i++) {
            tooMany.add(draft(agentA, contactA, "m"));
        }

        assertThatThrownBy(() -> service.appendBatch(USER_A, null, tooMany))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("items: must hold between 1 and 1000");
        assertThatThrownBy(() -> service.appendBatch(USER_A, null, List.of()))
                .isInstanceOf(ValidationException.class);
        assertThat(conversations.rows()).isEmpty();
    }

    @Test
    void getOtherTenantsConversationIsNotFound() {
        Conversation ofB = service.append(ADMIN, CLIENT_B, draft(agentB, contactB, "secret"));

        assertThatThrownBy(() -> service.get(USER_A, null, ofB.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("conversation not found");
        assertThatThrownBy(() -> service.get(USER_A, null, new ConversationId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("conversation not found");
    }

    @Test
    void listPagesNewestFirstWithoutGaps() {
        List<Conversation> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(service.append(USER_A, null, draft(agentA, contactA, "m" + i)));
        }

        List<Conversation> seen = new ArrayList<>();
        PageRequest request = new PageRequest(3, Optional.empty());
        while (true) {
            Page<Conversation> page = service.list(USER_A, null, ConversationQuery.ofContact(contactA.id()), request);
            seen.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = new PageRequest(3, page.next());
        }

        assertThat(seen).extracting(Conversation::message)
                .containsExactly("m6", "m5", "m4", "m3", "m2", "m1", "m0");
    }

    @Test
    void listOfOtherTenantsContactIsEmpty() {
        service.append(ADMIN, CLIENT_B, draft(agentB, contactB, "secret"));

        Page<Conversation> page = service.list(USER_A, null, ConversationQuery.ofContact(contactB.id()),
                PageRequest.first());

        assertThat(page.items()).isEmpty();
    }

    @Test
    void listFiltersByAgentAndTime() {
        Agent other = agent(CLIENT_A, "sales-a");
        Conversation first = service.append(USER_A, null, draft(agentA, contactA, "first"));
        Conversation second = service.append(USER_A, null, draft(other, contactA, "second"));
        Conversation third = service.append(USER_A, null, draft(agentA, contactA, "third"));

        Page<Conversation> byAgent = service.list(USER_A, null,
                new ConversationQuery(Optional.empty(), Optional.of(agentA.id()), Optional.empty(), Optional.empty()),
                PageRequest.first());
        Page<Conversation> byTime = service.list(USER_A, null,
                new ConversationQuery(Optional.empty(), Optional.empty(), Optional.of(second.createdAt()),
                        Optional.of(third.createdAt())),
                PageRequest.first());

        assertThat(byAgent.items()).containsExactly(third, first);
        assertThat(byTime.items()).containsExactly(second);
    }

    @Test
    void listRejectsFromAfterTo() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        ConversationQuery query = new ConversationQuery(Optional.empty(), Optional.empty(), Optional.of(now),
                Optional.of(now));

        assertThatThrownBy(() -> service.list(USER_A, null, query, PageRequest.first()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("from: must be before to");
    }

    @Test
    void exportStreamsOldestFirst() {
        service.append(USER_A, null, draft(agentA, contactA, "one"));
        service.append(USER_A, null, draft(agentA, contactA, "two"));
        List<String> streamed = new ArrayList<>();

        long count = service.export(USER_A, null, contactA.id(), c -> streamed.add(c.message()));

        assertThat(count).isEqualTo(2);
        assertThat(streamed).containsExactly("one", "two");
    }

    @Test
    void exportOfOtherTenantsContactIsNotFound() {
        assertThatThrownBy(() -> service.export(USER_A, null, contactB.id(), c -> { }))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("contact not found");
    }

    private static Throwable catchValidation(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }
}
