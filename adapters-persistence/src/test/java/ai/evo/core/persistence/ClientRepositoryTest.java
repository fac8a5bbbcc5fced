package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.user.User;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRepositoryTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static ClientRepository clients;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        clients = persistence.clients();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.truncateAllTables();
    }

    @Test
    void insertThenFindRoundTrips() {
        ClientId id = new ClientId(fixtures.newId());
        ClientDetails details = new ClientDetails("São Paulo ✓ 日本", new EmailAddress("ops@example.test"));

        Client inserted = clients.insert(id, details);
        Optional<Client> found = clients.findById(id);

        assertThat(inserted.id()).isEqualTo(id);
        assertThat(inserted.details()).isEqualTo(details);
        assertThat(inserted.createdAt()).isNotNull();
        assertThat(inserted.updatedAt()).isEqualTo(inserted.createdAt());
        assertThat(found).contains(inserted);
    }

    @Test
    void findUnknownIdIsEmpty() {
        assertThat(clients.findById(new ClientId(fixtures.newId()))).isEmpty();
        assertThat(clients.findByIdForUpdate(new ClientId(fixtures.newId()))).isEmpty();
    }

    @Test
    void insertDuplicateIdIsConflict() {
        Client client = fixtures.client();

        assertThatThrownBy(() -> clients.insert(client.id(), client.details()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void updateChangesFieldsAndUpdatedAt() {
        Client client = fixtures.client();
        ClientDetails changed = new ClientDetails("Renamed", new EmailAddress("renamed@example.test"));

        Optional<Client> updated = clients.update(client.id(), changed);

        assertThat(updated).isPresent();
        assertThat(updated.get().details()).isEqualTo(changed);
        assertThat(updated.get().createdAt()).isEqualTo(client.createdAt());
        assertThat(updated.get().updatedAt()).isAfter(client.updatedAt());
        assertThat(clients.findById(client.id())).contains(updated.get());
    }

    @Test
    void updateUnknownIdIsEmpty() {
        ClientDetails details = new ClientDetails("Nobody", new EmailAddress("nobody@example.test"));

        assertThat(clients.update(new ClientId(fixtures.newId()), details)).isEmpty();
    }

    @Test
    void findByIdForUpdateReadsInsideTransaction() {
        Client client = fixtures.client();

        Optional<Client> locked = persistence.transactions()
                .inTransaction(() -> clients.findByIdForUpdate(client.id()));

        assertThat(locked).contains(client);
    }

    @Test
    void nulInNameIsValidationError() {
        ClientDetails details = new ClientDetails("bad\u0000name", new EmailAddress("nul@example.test"));

        assertThatThrownBy(() -> clients.insert(new ClientId(fixtures.newId()), details))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("name"));
    }

    @Test
    void deleteCascadesToTenantRows() {
        Client client = fixtures.client();
        User user = fixtures.user(client.id());
        Agent agent = fixtures.agent(client.id());
        Contact contact = fixtures.contact(client.id());
        Conversation conversation = fixtures.conversation(agent, contact, "hello");
        AuditEntry audit = persistence.auditTrail().append(new NewAuditEntry(fixtures.newId(), user.id(),
                client.id(), AuditAction.CREATE, ResourceType.AGENT, agent.id().value(), Map.of(),
                RequestOrigin.INTERNAL));

        boolean deleted = clients.delete(client.id());

        assertThat(deleted).isTrue();
        assertThat(clients.findById(client.id())).isEmpty();
        assertThat(persistence.users().findById(user.id())).isEmpty();
        assertThat(persistence.agents().findById(client.id(), agent.id())).isEmpty();
        assertThat(persistence.contacts().findById(client.id(), contact.id())).isEmpty();
        assertThat(persistence.conversations().findById(client.id(), conversation.id())).isEmpty();
        List<AuditEntry> trail = persistence.auditTrail()
                .list(ai.evo.core.domain.audit.AuditQuery.all(), PageRequest.first()).items();
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(audit.id());
            assertThat(entry.userId()).isNull();
            assertThat(entry.clientId()).isEqualTo(client.id());
        });
    }

    @Test
    void deleteUnknownIdReturnsFalse() {
        assertThat(clients.delete(new ClientId(fixtures.newId()))).isFalse();
    }

    @Test
    void listPagesInCreationOrder() {
        List<Client> inserted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inserted.add(fixtures.client());
        }

        List<Client> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        do {
            Page<Client> page = clients.list(new PageRequest(3, after));
            read.addAll(page.items());
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(read).containsExactlyElementsOf(inserted);
    }
}
