package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContactRepositoryTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static ContactRepository contacts;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        contacts = persistence.contacts();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static Contact contact(ClientId clientId, String extId, String name, Map<String, Object> meta) {
        return new Contact(new ContactId(fixtures.newId()), clientId, extId, name, meta, Fixtures.IGNORED,
                Fixtures.IGNORED);
    }

    private static String rejectedField(Contact contact) {
        try {
            contacts.insert(contact);
        } catch (ValidationException e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("insert of " + contact.name() + " was accepted");
    }

    @Test
    void insertThenFindRoundTrips() {
        Client client = fixtures.client();
        Map<String, Object> meta = Map.of("city", "São Paulo ✓ 日本", "tags", List.of("a", Map.of("b", 2.5)),
                "control", "a\u0001b", "emoji", "😀");
        Contact contact = contact(client.id(), "wa:5511", "Zoë", meta);

        Contact inserted = contacts.insert(contact);

        assertThat(inserted.meta()).isEqualTo(meta);
        assertThat(inserted.extId()).isEqualTo("wa:5511");
        assertThat(contacts.findById(client.id(), contact.id())).contains(inserted);
        assertThat(contacts.findByExtId(client.id(), "wa:5511")).contains(inserted);
    }

    @Test
    void nulIsRejectedNamingTheField() {
        ClientId clientId = fixtures.client().id();

        assertThat(rejectedField(contact(clientId, "ext-nul-1", "nul-test", Map.of("note", "a\u0000b"))))
                .isEqualTo("meta.note");
        assertThat(rejectedField(contact(clientId, "ext-nul-2", "nul-key", Map.of("k\u0000", "v"))))
                .isEqualTo("meta.k\u0000");
        assertThat(rejectedField(contact(clientId, "ext\u00003", "nul\u0000name", Map.of())))
                .isEqualTo("ext_id");
        assertThat(contacts.list(clientId, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void loneSurrogateIsRejected() {
        ClientId clientId = fixtures.client().id();

        assertThat(rejectedField(contact(clientId, "ext-sur", "sur", Map.of("note", "\ud800"))))
                .isEqualTo("meta.note");
        assertThat(rejectedField(contact(clientId, "ext-sur-2", "sur\udc00", Map.of())))
                .isEqualTo("name");
        assertThat(contacts.list(clientId, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void overlongNameIsValidationError() {
        ClientId clientId = fixtures.client().id();
        String fits = "日".repeat(255);

        Contact stored = contacts.insert(contact(clientId, null, fits, Map.of()));

        assertThat(stored.name()).isEqualTo(fits);
        assertThat(rejectedField(contact(clientId, null, fits + "x", Map.of()))).isEqualTo("name");
        assertThatThrownBy(() -> contacts.insert(contact(clientId, null, fits + "x", Map.of())))
                .hasMessage("name: must be at most 255 characters long");
    }

    @Test
    void unknownClientIsNotFound() {
        Contact contact = contact(new ClientId(fixtures.newId()), null, "orphan", Map.of());

        assertThatThrownBy(() -> contacts.insert(contact))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("client"));
    }

    @Test
    void otherTenantCannotReachContact() {
        Client owner = fixtures.client();
        Client other = fixtures.client();
        Contact contact = contacts.insert(contact(owner.id(), "shared-ext", "Owner's", Map.of()));
        Contact moved = new Contact(contact.id(), other.id(), "x", "stolen", Map.of(), Fixtures.IGNORED,
                Fixtures.IGNORED);

        assertThat(contacts.findById(other.id(), contact.id())).isEmpty();
        assertThat(contacts.findByExtId(other.id(), "shared-ext")).isEmpty();
        assertThat(contacts.update(moved)).isEmpty();
        assertThat(contacts.delete(other.id(), contact.id())).isFalse();
        assertThat(contacts.findById(owner.id(), contact.id())).contains(contact);
    }

    @Test
    void updateReplacesFieldsAndUpdatedAt() {
        Client client = fixtures.client();
        Contact contact = fixtures.contact(client.id());
        Contact changed = new Contact(contact.id(), client.id(), null, "Renamed", Map.of("vip", true),
                Fixtures.IGNORED, Fixtures.IGNORED);

        Contact updated = contacts.update(changed).orElseThrow();

        assertThat(updated.extId()).isNull();
        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.meta()).isEqualTo(Map.of("vip", true));
        assertThat(updated.updatedAt()).isAfter(contact.updatedAt());
    }

    @Test
    void deleteRemovesContact() {
        Client client = fixtures.client();
        Contact contact = fixtures.contact(client.id());

        assertThat(contacts.delete(client.id(), contact.id())).isTrue();
        assertThat(contacts.findById(client.id(), contact.id())).isEmpty();
    }

    @Test
    void listPagesInCreationOrder() {
        Client client = fixtures.client();
        List<Contact> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(fixtures.contact(client.id()));
        }

        List<Contact> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Contact> page = contacts.list(client.id(), new PageRequest(2, after));
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());

        assertThat(read).containsExactlyElementsOf(inserted);
    }

    @Test
    void pagingBreaksTimeTiesById() {
        Client client = fixtures.client();
        List<Contact> inserted = persistence.transactions().inTransaction(() -> {
            List<Contact> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(fixtures.contact(client.id()));
            }
            return rows;
        });

        List<Contact> read = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Contact> page = contacts.list(client.id(), new PageRequest(2, after));
            read.addAll(page.items());
            after = page.next();
        } while (after.isPresent());

        // now() is the transaction's start time, so all five rows share created_at and only the id orders them.
        // Ids made in one millisecond are not ordered, so the expected order sorts them as PostgreSQL does: by
        // bytes, which for the canonical lower-case text form is the string order.
        List<Contact> byId = inserted.stream()
                .sorted(Comparator.comparing((Contact contact) -> contact.id().value().toString()))
                .toList();
        assertThat(inserted).extracting(Contact::createdAt).containsOnly(inserted.get(0).createdAt());
        assertThat(read).containsExactlyElementsOf(byId);
    }
}
