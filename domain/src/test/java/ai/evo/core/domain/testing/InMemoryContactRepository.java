package ai.evo.core.domain.testing;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Contact store in a map, for unit tests of the use cases. Enforces the unique ext_id per client. Thread-safe. */
public final class InMemoryContactRepository implements ContactRepository {
    private final Map<ContactId, Contact> rows = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param clock supplies the timestamps
     */
    public InMemoryContactRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Contact insert(Contact contact) {
        requireUniqueExtId(contact);
        Instant now = clock.instant();
        Contact stored = new Contact(contact.id(), contact.clientId(), contact.extId(), contact.name(),
                contact.meta(), now, now);
        rows.put(contact.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Contact> findById(ClientId clientId, ContactId id) {
        return Optional.ofNullable(rows.get(id)).filter(contact -> contact.clientId().equals(clientId));
    }

    @Override
    public Optional<Contact> findByIdForUpdate(ClientId clientId, ContactId id) {
        return findById(clientId, id);
    }

    @Override
    public synchronized Optional<ClientId> findOwner(ContactId id) {
        return Optional.ofNullable(rows.get(id)).map(Contact::clientId);
    }

    @Override
    public synchronized FoundOrCreated findOrCreateByExtId(Contact candidate) {
        Objects.requireNonNull(candidate.extId(), "extId");
        Optional<Contact> existing = findByExtId(candidate.clientId(), candidate.extId());
        return existing.map(contact -> new FoundOrCreated(contact, false))
                .orElseGet(() -> new FoundOrCreated(insert(candidate), true));
    }

    @Override
    public synchronized Optional<Contact> findByExtId(ClientId clientId, String extId) {
        return rows.values().stream()
                .filter(contact -> contact.clientId().equals(clientId) && extId.equals(contact.extId()))
                .findFirst();
    }

    @Override
    public synchronized Optional<Contact> update(Contact contact) {
        Contact old = findById(contact.clientId(), contact.id()).orElse(null);
        if (old == null) {
            return Optional.empty();
        }
        requireUniqueExtId(contact);
        Contact stored = new Contact(contact.id(), contact.clientId(), contact.extId(), contact.name(),
                contact.meta(), old.createdAt(), clock.instant());
        rows.put(contact.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean delete(ClientId clientId, ContactId id) {
        if (findById(clientId, id).isEmpty()) {
            return false;
        }
        rows.remove(id);
        return true;
    }

    @Override
    public synchronized Page<Contact> list(ClientId clientId, PageRequest page) {
        List<Contact> own = rows.values().stream().filter(contact -> contact.clientId().equals(clientId)).toList();
        return KeysetPages.page(own, page, Contact::createdAt, contact -> contact.id().value());
    }

    /** Returns every stored contact, for assertions that nothing changed. */
    public synchronized List<Contact> all() {
        return List.copyOf(rows.values());
    }

    private void requireUniqueExtId(Contact contact) {
        if (contact.extId() == null) {
            return;
        }
        boolean taken = rows.values().stream().anyMatch(other -> !other.id().equals(contact.id())
                && other.clientId().equals(contact.clientId()) && contact.extId().equals(other.extId()));
        if (taken) {
            throw new ConflictException("a contact with ext_id " + contact.extId() + " already exists for this client");
        }
    }
}
