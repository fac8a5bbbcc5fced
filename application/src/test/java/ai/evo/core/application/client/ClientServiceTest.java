package ai.evo.core.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryClientRepository;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ClientServiceTest {
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "curl/8.5");
    private static final Caller ADMIN = new Caller(new UserId(UUID.randomUUID()), true, null, ORIGIN);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private InMemoryClientRepository clients;
    private InMemoryAuditTrail trail;
    private ClientService service;

    @BeforeEach
    void setUp() {
        clients = new InMemoryClientRepository(clock);
        trail = new InMemoryAuditTrail(clock);
        SequentialIds ids = new SequentialIds();
        service = new ClientService(new DirectTransactions(), clients, new AuditRecorder(trail, ids), ids);
    }

    private static Caller userOf(Client client) {
        return new Caller(new UserId(UUID.randomUUID()), false, client.id(), ORIGIN);
    }

    private Client createClient(String name) {
        return service.create(ADMIN, ClientDetails.of(name, name.toLowerCase() + "@example.test"));
    }

    @Test
    void createStoresClientAndAuditsIt() {
        Client created = createClient("Acme");

        assertThat(clients.findById(created.id())).contains(created);
        AuditEntry entry = trail.entries().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.resourceType()).isEqualTo(ResourceType.CLIENT);
        assertThat(entry.resourceId()).isEqualTo(created.id().value());
        assertThat(entry.userId()).isEqualTo(ADMIN.userId());
        assertThat(entry.origin()).isEqualTo(ORIGIN);
        assertThat(entry.details()).containsEntry("before", null);
        assertThat((Map<String, Object>) entry.details().get("after")).containsEntry("name", "Acme");
    }

    @Test
    void createIsForbiddenToClientUsers() {
        Client own = createClient("Acme");

        assertThatThrownBy(() -> service.create(userOf(own), ClientDetails.of("Other", "o@example.test")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(trail.entries()).hasSize(1);
    }

    @Test
    void clientUserSeesOnlyItsOwnClient() {
        Client own = createClient("Acme");
        Client other = createClient("Globex");

        assertThat(service.list(userOf(own), PageRequest.first()).items()).containsExactly(own);
        assertThat(service.get(userOf(own), own.id())).isEqualTo(own);
        assertThatThrownBy(() -> service.get(userOf(own), other.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void adminListsEveryClient() {
        Client first = createClient("Acme");
        Client second = createClient("Globex");

        assertThat(service.list(ADMIN, PageRequest.first()).items()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void otherTenantLooksLikeMissingClient() {
        Client own = createClient("Acme");
        Client other = createClient("Globex");
        ClientId missing = new ClientId(UUID.randomUUID());
        ClientDetails rename = ClientDetails.of("Renamed", "r@example.test");

        assertThatThrownBy(() -> service.update(userOf(own), other.id(), rename))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("client").getMessage());
        assertThatThrownBy(() -> service.update(userOf(own), missing, rename))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("client").getMessage());
        assertThatThrownBy(() -> service.delete(userOf(own), other.id())).isInstanceOf(NotFoundException.class);
        assertThat(clients.findById(other.id())).contains(other);
    }

    @Test
    void clientUserUpdatesOwnClientWithAudit() {
        Client own = createClient("Acme");

        Client updated = service.update(userOf(own), own.id(), ClientDetails.of("Acme Ltd", "ops@acme.test"));

        assertThat(updated.details().name()).isEqualTo("Acme Ltd");
        AuditEntry entry = trail.entries().get(1);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.clientId()).isEqualTo(own.id());
        assertThat((Map<String, Object>) entry.details().get("before")).containsEntry("name", "Acme");
        assertThat((Map<String, Object>) entry.details().get("after")).containsEntry("name", "Acme Ltd");
    }

    @Test
    void clientUserCannotDeleteOwnClient() {
        Client own = createClient("Acme");

        assertThatThrownBy(() -> service.delete(userOf(own), own.id())).isInstanceOf(ForbiddenException.class);
        assertThat(clients.findById(own.id())).isPresent();
    }

    @Test
    void adminDeleteRemovesClientAndAuditsIt() {
        Client own = createClient("Acme");

        service.delete(ADMIN, own.id());

        assertThat(clients.findById(own.id())).isEmpty();
        AuditEntry entry = trail.entries().get(1);
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.details()).containsEntry("after", null);
    }

    @Test
    void deletingMissingClientIsNotFound() {
        assertThatThrownBy(() -> service.delete(ADMIN, new ClientId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(trail.entries()).isEmpty();
    }
}
