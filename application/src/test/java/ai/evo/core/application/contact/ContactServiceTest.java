package ai.evo.core.application.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryClientRepository;
import ai.evo.core.domain.testing.InMemoryContactRepository;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.testing.TickingClock;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactServiceTest {
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "curl/8.5");

    private InMemoryContactRepository contacts;
    private InMemoryAuditTrail trail;
    private ContactService service;
    private Client clientA;
    private Client clientB;
    private Caller userA;
    private Caller userB;

    @BeforeEach
    void setUp() {
        TickingClock clock = new TickingClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryClientRepository clients = new InMemoryClientRepository(clock);
        contacts = new InMemoryContactRepository(clock);
        trail = new InMemoryAuditTrail(clock);
        SequentialIds ids = new SequentialIds();
        service = new ContactService(new DirectTransactions(), contacts, clients, new AuditRecorder(trail, ids), ids);
        clientA = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Acme", "a@example.test"));
        clientB = clients.insert(new ClientId(ids.newId()), ClientDetails.of("Globex", "b@example.test"));
        userA = new Caller(new UserId(UUID.randomUUID()), false, clientA.id(), ORIGIN);
        userB = new Caller(new UserId(UUID.randomUUID()), false, clientB.id(), ORIGIN);
    }

    private static ContactInput contact(String name, String extId, Map<String, Object> meta) {
        return new ContactInput(Optional.empty(), FieldUpdate.set(name), FieldUpdate.set(extId),
                meta == null ? FieldUpdate.keep() : FieldUpdate.set(meta));
    }

    private static ContactInput byExtId(String name) {
        return new ContactInput(Optional.empty(), FieldUpdate.set(name), FieldUpdate.keep(), FieldUpdate.keep());
    }

    @Test
    void extIdIsUniquePerClient() {
        service.create(userA, contact("Ann", "ext-1", null));
        Contact inB = service.create(userB, contact("Ann", "ext-1", null));

        assertThatThrownBy(() -> service.create(userA, contact("Ann 2", "ext-1", null)))
                .isInstanceOf(ConflictException.class);
        assertThat(inB.clientId()).isEqualTo(clientB.id());
    }

    @Test
    void contactsWithoutExtIdNeverConflict() {
        service.create(userA, contact("Ann", null, null));

        assertThat(service.create(userA, contact("Bob", null, null)).extId()).isNull();
    }

    @Test
    void findOrCreateCreatesOnce() {
        ContactRepository.FoundOrCreated first = service.findOrCreateByExtId(userA, "wa-123", byExtId("Ann"));
        ContactRepository.FoundOrCreated second = service.findOrCreateByExtId(userA, "wa-123",
                byExtId("Ann again"));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.contact()).isEqualTo(first.contact());
        assertThat(contacts.all()).hasSize(1);
        assertThat(trail.entries()).hasSize(1);
    }

    @Test
    void otherTenantContactIsNotFound() {
        Contact inB = service.create(userB, contact("Bea", "ext-b", null));

        assertThatThrownBy(() -> service.get(userA, inB.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("contact not found");
        assertThatThrownBy(() -> service.update(userA, inB.id(), contact("x", null, null), Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(userA, inB.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.list(userA, Set.of(clientB.id()), PageRequest.first()).items()).isEmpty();
        assertThat(contacts.all()).containsExactly(inB);
    }

    @Test
    void nulAndLoneSurrogateAreRejected() {
        ValidationException nul = (ValidationException) catchThrowable(() ->
                service.create(userA, contact("nul-test", "ext-nul-1", Map.of("note", "a\u0000b"))));
        ValidationException key = (ValidationException) catchThrowable(() ->
                service.create(userA, contact("nul-key", "ext-nul-2", Map.of("k\u0000", "v"))));
        ValidationException surrogate = (ValidationException) catchThrowable(() ->
                service.create(userA, contact("sur", "ext-sur", Map.of("note", "\ud800"))));

        assertThat(nul.errors()).extracting(FieldError::field).containsExactly("meta.note");
        assertThat(key.errors()).extracting(FieldError::field).containsExactly("meta.k\u0000");
        assertThat(surrogate.errors()).extracting(FieldError::field).containsExactly("meta.note");
        assertThat(contacts.all()).isEmpty();
    }

    @Test
    void controlCharacterRoundTrips() {
        Contact created = service.create(userA, contact("ctl", "ext-ctl", Map.of("note", "a\u0001b")));

        assertThat(service.get(userA, created.id()).meta()).containsEntry("note", "a\u0001b");
    }
}
