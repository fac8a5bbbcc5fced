package ai.evo.core.domain.testing;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Contact store in a map, for unit tests of the use cases. Paging ignores cursors. Not thread-safe. */
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
    public Contact insert(Contact contact) {
        Contact stored = new Contact(contact.id(), contact.clientId(), contact.extId(), contact.name(),
                contact.meta(), clock.instant(), clock.instant());
        rows.put(contact.id(), stored);
        return stored;
    }

    @Override
    public Optional<Contact> findById(ClientId clientId, ContactId id) {
        return Optional.ofNullable(rows.get(id)).filter(contact -> contact.clientId().equals(clientId));
    }

    @Override
    public Optional<Contact> findByExtId(ClientId clientId, String extId) {
        return rows.values().stream()
                .filter(c -> c.clientId().equals(clientId) && Objects.equals(c.extId(), extId))
                .findFirst();
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        return findById(contact.clientId(), contact.id()).map(old -> {
            rows.put(contact.id(), contact);
            return contact;
        });
    }

    @Override
    public boolean delete(ClientId clientId, ContactId id) {
        return findById(clientId, id).map(contact -> rows.remove(id) != null).orElse(false);
    }

    @Override
    public Page<Contact> list(ClientId clientId, PageRequest page) {
        return new Page<>(rows.values().stream().filter(c -> c.clientId().equals(clientId)).toList(),
                Optional.empty());
    }
}
