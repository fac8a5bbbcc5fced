package ai.evo.core.domain.testing;

import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Cursor;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationQuery;
import ai.evo.core.domain.conversation.ConversationRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Conversation store in a list, for unit tests of the use cases. It reaches the owning client through the
 * contact store, as the real one joins the contact table, and pages by keyset like the real one. Not
 * thread-safe.
 */
public final class InMemoryConversationRepository implements ConversationRepository {
    private static final Comparator<Conversation> NEWEST_FIRST = Comparator
            .comparing(Conversation::createdAt)
            .thenComparing(c -> c.id().value())
            .reversed();

    private final List<Conversation> rows = new ArrayList<>();
    private final ContactRepository contacts;
    private final Clock clock;

    /**
     * Creates an empty store.
     *
     * @param contacts finds the client of each conversation's contact
     * @param clock    supplies the timestamps
     */
    public InMemoryConversationRepository(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Conversation insert(Conversation conversation) {
        Conversation stored = new Conversation(conversation.id(), conversation.agentId(), conversation.contactId(),
                conversation.message(), conversation.response(), conversation.meta(), clock.instant());
        rows.add(stored);
        return stored;
    }

    @Override
    public List<Conversation> insertAll(List<Conversation> conversations) {
        return conversations.stream().map(this::insert).toList();
    }

    @Override
    public Optional<Conversation> findById(ClientId clientId, ConversationId id) {
        return rows.stream().filter(c -> c.id().equals(id) && ownedBy(clientId, c)).findFirst();
    }

    @Override
    public Page<Conversation> listByContact(ClientId clientId, ContactId contactId, PageRequest page) {
        return list(clientId, ConversationQuery.ofContact(contactId), page);
    }

    @Override
    public Page<Conversation> list(ClientId clientId, ConversationQuery query, PageRequest page) {
        List<Conversation> matching = rows.stream()
                .filter(c -> ownedBy(clientId, c))
                .filter(c -> query.contactId().map(id -> id.equals(c.contactId())).orElse(true))
                .filter(c -> query.agentId().map(id -> id.equals(c.agentId())).orElse(true))
                .filter(c -> query.from().map(from -> !c.createdAt().isBefore(from)).orElse(true))
                .filter(c -> query.to().map(to -> c.createdAt().isBefore(to)).orElse(true))
                .filter(c -> page.after().map(after -> NEWEST_FIRST.compare(c, probe(after)) > 0).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(matching, page, c -> new Cursor(c.createdAt(), c.id().value()));
    }

    @Override
    public long forEachOfContact(ClientId clientId, ContactId contactId, Consumer<Conversation> consumer) {
        List<Conversation> history = rows.stream()
                .filter(c -> c.contactId().equals(contactId) && ownedBy(clientId, c))
                .sorted(NEWEST_FIRST.reversed())
                .toList();
        history.forEach(consumer);
        return history.size();
    }

    /** Returns every stored conversation in insertion order. */
    public List<Conversation> rows() {
        return List.copyOf(rows);
    }

    private boolean ownedBy(ClientId clientId, Conversation conversation) {
        return contacts.findById(clientId, conversation.contactId()).isPresent();
    }

    private static Conversation probe(Cursor cursor) {
        return new Conversation(new ConversationId(cursor.id()),
                new AgentId(cursor.id()), new ContactId(cursor.id()), "", "",
                Map.of(), cursor.createdAt());
    }
}
