package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static AuditTrail audit;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        audit = persistence.auditTrail();
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

    private static AuditEntry append(UserId userId, ClientId clientId, AuditAction action, ResourceType type,
                                     UUID resourceId) {
        return audit.append(new NewAuditEntry(fixtures.newId(), userId, clientId, action, type, resourceId,
                Map.of("after", Map.of("name", "São Paulo ✓ 日本")), new RequestOrigin("203.0.113.9", "curl/8")));
    }

    private static List<AuditEntry> all(AuditQuery query) {
        List<AuditEntry> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<AuditEntry> page = audit.list(query, new PageRequest(2, after));
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return read;
    }

    private static AuditQuery query(Optional<ClientId> clientId, Optional<UserId> userId,
                                    Optional<AuditAction> action, Optional<ResourceType> type,
                                    Optional<UUID> resourceId, Optional<Instant> from, Optional<Instant> to) {
        return new AuditQuery(clientId, userId, action, type, resourceId, from, to);
    }

    @Test
    void appendRoundTrips() {
        Client client = fixtures.client();
        User user = fixtures.user(client.id());
        UUID resource = fixtures.newId();

        AuditEntry entry = append(user.id(), client.id(), AuditAction.UPDATE, ResourceType.AGENT, resource);

        assertThat(entry.userId()).isEqualTo(user.id());
        assertThat(entry.clientId()).isEqualTo(client.id());
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.resourceType()).isEqualTo(ResourceType.AGENT);
        assertThat(entry.resourceId()).isEqualTo(resource);
        assertThat(entry.details()).isEqualTo(Map.of("after", Map.of("name", "São Paulo ✓ 日本")));
        assertThat(entry.origin()).isEqualTo(new RequestOrigin("203.0.113.9", "curl/8"));
        assertThat(all(AuditQuery.all())).containsExactly(entry);
    }

    @Test
    void listPagesNewestFirst() {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(append(null, null, AuditAction.CREATE, ResourceType.TOOL, null));
        }

        List<AuditEntry> read = all(AuditQuery.all());

        Collections.reverse(appended);
        assertThat(read).containsExactlyElementsOf(appended);
    }

    @Test
    void everyFilterNarrowsTheList() {
        Client clientA = fixtures.client();
        Client clientB = fixtures.client();
        User user = fixtures.user(clientA.id());
        UUID resource = fixtures.newId();
        AuditEntry byUser = append(user.id(), clientA.id(), AuditAction.UPDATE, ResourceType.AGENT, resource);
        AuditEntry otherClient = append(null, clientB.id(), AuditAction.CREATE, ResourceType.CONTACT, null);
        AuditEntry locked = append(null, clientA.id(), AuditAction.ACCOUNT_LOCKED, ResourceType.USER, null);
        Instant lastTime = locked.createdAt();

        Optional<ClientId> none = Optional.empty();
        assertThat(all(query(Optional.of(clientA.id()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(locked, byUser);
        assertThat(all(query(none, Optional.of(user.id()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(byUser);
        assertThat(all(query(none, Optional.empty(), Optional.of(AuditAction.CREATE), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(otherClient);
        assertThat(all(query(none, Optional.empty(), Optional.empty(), Optional.of(ResourceType.USER),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly(locked);
        assertThat(all(query(none, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(resource), Optional.empty(), Optional.empty()))).containsExactly(byUser);
        assertThat(all(query(none, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(lastTime), Optional.empty()))).containsExactly(locked);
        assertThat(all(query(none, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(lastTime)))).containsExactly(otherClient, byUser);
        assertThat(all(query(Optional.of(clientA.id()), Optional.empty(), Optional.of(AuditAction.UPDATE),
                Optional.of(ResourceType.AGENT), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly(byUser);
    }

    @Test
    void userDeletionKeepsEntryWithoutUser() {
        Client client = fixtures.client();
        User user = fixtures.user(client.id());
        AuditEntry entry = append(user.id(), client.id(), AuditAction.DELETE, ResourceType.USER, user.id().value());

        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            handle.createUpdate("DELETE FROM \"user\" WHERE id = :id").bind("id", user.id().value()).execute();
        }

        assertThat(all(AuditQuery.all())).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(entry.id());
            assertThat(stored.userId()).isNull();
            assertThat(stored.clientId()).isEqualTo(client.id());
        });
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> append(new UserId(fixtures.newId()), null, AuditAction.CREATE, ResourceType.TOOL,
                null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resourceType()).isEqualTo("user"));
    }

    @Test
    void nulInDetailsIsValidationError() {
        NewAuditEntry entry = new NewAuditEntry(fixtures.newId(), null, null, AuditAction.CREATE, ResourceType.TOOL,
                null, Map.of("before", List.of("ok", "bad\u0000")), RequestOrigin.INTERNAL);

        assertThatThrownBy(() -> audit.append(entry))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("details.before[1]"));
    }
}
