package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentRepositoryTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static AgentRepository agents;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        agents = persistence.agents();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static String storedApiKey(UUID agentId) {
        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            return handle.createQuery("SELECT api_key FROM agent WHERE id = :id")
                    .bind("id", agentId)
                    .mapTo(String.class)
                    .one();
        }
    }

    private static void storeApiKey(UUID agentId, String stored) {
        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            handle.createUpdate("UPDATE agent SET api_key = :stored WHERE id = :id")
                    .bind("id", agentId)
                    .bind("stored", stored)
                    .execute();
        }
    }

    @Test
    void insertThenFindRoundTrips() {
        Client client = fixtures.client();
        Map<String, Object> config = Map.of(
                "city", "São Paulo ✓ 日本",
                "nested", Map.of("list", List.of(1, "two", Map.of("three", true)), "empty", Map.of()),
                "control", "a\u0001b");
        Agent agent = new Agent(fixtures.newAgent(client.id(), "x").id(), client.id(), "Ágent 日本",
                "desc ✓", AgentType.SEQUENTIAL, null, null, "Sê breve.", config, Fixtures.IGNORED, Fixtures.IGNORED);

        Agent inserted = agents.insert(agent);

        assertThat(inserted.name()).isEqualTo("Ágent 日本");
        assertThat(inserted.type()).isEqualTo(AgentType.SEQUENTIAL);
        assertThat(inserted.apiKey()).isNull();
        assertThat(inserted.configJson()).isEqualTo(config);
        assertThat(inserted.createdAt()).isNotEqualTo(Fixtures.IGNORED);
        assertThat(agents.findById(client.id(), agent.id())).contains(inserted);
    }

    @Test
    void apiKeyIsEncryptedAtRest() {
        Client client = fixtures.client();
        Agent agent = fixtures.newAgent(client.id(), "keyed");

        Agent inserted = agents.insert(agent);

        String stored = storedApiKey(agent.id().value());
        assertThat(stored).startsWith("v1:");
        assertThat(stored).doesNotContain(agent.apiKey().reveal());
        assertThat(inserted.apiKey()).isEqualTo(agent.apiKey());
        assertThat(agents.findById(client.id(), agent.id()).orElseThrow().apiKey()).isEqualTo(agent.apiKey());
    }

    @Test
    void copiedCiphertextFailsToDecrypt() {
        Client client = fixtures.client();
        Agent source = fixtures.agent(client.id());
        Agent target = fixtures.agent(client.id());

        storeApiKey(target.id().value(), storedApiKey(source.id().value()));

        assertThatThrownBy(() -> agents.findById(client.id(), target.id()))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("agent.api_key of row " + target.id())
                .hasMessageNotContaining(source.apiKey().reveal());
    }

    @Test
    void unknownStoredFormatFailsToDecrypt() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());

        storeApiKey(agent.id().value(), "sk-plain-text");

        assertThatThrownBy(() -> agents.findById(client.id(), agent.id()))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not start with v1:")
                .hasMessageNotContaining("sk-plain-text");
    }

    @Test
    void otherTenantCannotReachAgent() {
        Client owner = fixtures.client();
        Client other = fixtures.client();
        Agent agent = fixtures.agent(owner.id());
        Agent moved = new Agent(agent.id(), other.id(), "stolen", null, AgentType.LLM, null, null, null, Map.of(),
                Fixtures.IGNORED, Fixtures.IGNORED);

        assertThat(agents.findById(other.id(), agent.id())).isEmpty();
        assertThat(agents.update(moved)).isEmpty();
        assertThat(agents.delete(other.id(), agent.id())).isFalse();
        assertThat(agents.list(other.id(), PageRequest.first()).items()).isEmpty();
        assertThat(agents.findById(owner.id(), agent.id())).contains(agent);
    }

    @Test
    void updateReplacesFieldsAndUpdatedAt() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Agent changed = new Agent(agent.id(), client.id(), "renamed", null, AgentType.LOOP, null,
                Secret.of("sk-new-key-123456"), "new instruction", Map.of("max_iterations", 3), Fixtures.IGNORED,
                Fixtures.IGNORED);

        Agent updated = agents.update(changed).orElseThrow();

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.description()).isNull();
        assertThat(updated.type()).isEqualTo(AgentType.LOOP);
        assertThat(updated.apiKey()).isEqualTo(Secret.of("sk-new-key-123456"));
        assertThat(updated.configJson()).isEqualTo(Map.of("max_iterations", 3));
        assertThat(updated.createdAt()).isEqualTo(agent.createdAt());
        assertThat(updated.updatedAt()).isAfter(agent.updatedAt());
    }

    @Test
    void duplicateNameInClientIsConflict() {
        Client client = fixtures.client();
        agents.insert(fixtures.newAgent(client.id(), "twin"));

        assertThatThrownBy(() -> agents.insert(fixtures.newAgent(client.id(), "twin")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("an agent named twin already exists for this client");
    }

    @Test
    void sameNameInOtherClientIsAllowed() {
        agents.insert(fixtures.newAgent(fixtures.client().id(), "shared-name"));

        Agent second = agents.insert(fixtures.newAgent(fixtures.client().id(), "shared-name"));

        assertThat(second.name()).isEqualTo("shared-name");
    }

    @Test
    void unknownClientIsNotFound() {
        Agent agent = fixtures.newAgent(new ClientId(fixtures.newId()), "orphan");

        assertThatThrownBy(() -> agents.insert(agent))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("client"));
    }

    @Test
    void nulInInstructionIsValidationError() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Agent changed = new Agent(agent.id(), client.id(), agent.name(), null, AgentType.LLM, "m", null,
                "be brief\u0000", Map.of(), Fixtures.IGNORED, Fixtures.IGNORED);

        assertThatThrownBy(() -> agents.update(changed))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("instruction"));
        assertThat(agents.findById(client.id(), agent.id())).contains(agent);
    }

    @Test
    void nulInConfigIsValidationError() {
        Client client = fixtures.client();
        Agent agent = new Agent(fixtures.newAgent(client.id(), "x").id(), client.id(), "nul-config", null,
                AgentType.LLM, null, null, null, Map.of("sub", Map.of("note", "a\u0000b")), Fixtures.IGNORED,
                Fixtures.IGNORED);

        assertThatThrownBy(() -> agents.insert(agent))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("config_json.sub.note"));
    }

    @Test
    void deleteCascadesToConversations() {
        Client client = fixtures.client();
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        Conversation conversation = fixtures.conversation(agent, contact, "hi");

        assertThat(agents.delete(client.id(), agent.id())).isTrue();

        assertThat(agents.findById(client.id(), agent.id())).isEmpty();
        assertThat(persistence.conversations().findById(client.id(), conversation.id())).isEmpty();
        assertThat(persistence.contacts().findById(client.id(), contact.id())).isPresent();
    }

    @Test
    void listPagesInCreationOrder() {
        Client client = fixtures.client();
        fixtures.agent(fixtures.client().id());
        List<Agent> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(fixtures.agent(client.id()));
        }

        List<Agent> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Agent> page = agents.list(client.id(), new PageRequest(2, after));
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());

        assertThat(read).containsExactlyElementsOf(inserted);
    }
}
