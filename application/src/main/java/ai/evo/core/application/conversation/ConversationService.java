package ai.evo.core.application.conversation;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationDraft;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationQuery;
import ai.evo.core.domain.conversation.ConversationRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Appends, reads and exports the conversations of a client's contacts.
 *
 * <p>Tenant scope: a client user acts in its own client. An admin without a client names the client in each
 * call, because conversations are always read and written inside one client. The agent and the contact of a
 * conversation must both belong to that client, and another tenant's agent, contact or conversation raises
 * "not found" exactly like a random id.
 *
 * <p>Every append writes one audit entry in the same transaction. The entry records ids and sizes but not the
 * message text: the audit trail outlives the contact, whose deletion must erase what the contact wrote.
 * Thread-safe.
 */
public final class ConversationService {
    /** Largest number of conversations one batch may hold. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final Transactions transactions;
    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final ContactRepository contacts;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param transactions  runs each change atomically with its audit entry
     * @param conversations the conversation store
     * @param agents        finds the agents of a client
     * @param contacts      finds the contacts of a client
     * @param audit         the audit writer
     * @param ids           source of new conversation ids
     * @param clock         supplies the creation time of conversations in the in-memory stores
     */
    public ConversationService(Transactions transactions, ConversationRepository conversations,
                               AgentRepository agents, ContactRepository contacts, AuditRecorder audit,
                               IdGenerator ids, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends one conversation.
     *
     * @param caller          who acts
     * @param requestedClient the client named in the request, or null to use the caller's own
     * @param draft           the conversation
     * @return the stored conversation
     * @throws ValidationException when a field is invalid
     * @throws NotFoundException   when the agent or contact is not one of the client's
     */
    public Conversation append(Caller caller, ClientId requestedClient, ConversationDraft draft) {
        Objects.requireNonNull(draft, "draft");
        ClientId tenant = Tenants.resolve(caller, requestedClient);
        Validator validator = new Validator();
        draft.validate(validator, "");
        validator.throwIfInvalid();
        return transactions.inTransaction(() -> {
            requireAgent(tenant, draft.agentId());
            requireContact(tenant, draft.contactId());
            Conversation stored = conversations.insert(toConversation(draft));
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.CONVERSATION, stored.id().value(),
                    tenant, null, Snapshots.of(stored));
            return stored;
        });
    }

    /**
     * Appends up to {@link #MAX_BATCH_SIZE} conversations in one transaction: all of them or none. Each error
     * names the row by its index, for example {@code items[17].message} or {@code items[3].agent_id}. The batch
     * writes one audit entry that lists the new ids.
     *
     * @param caller          who acts
     * @param requestedClient the client named in the request, or null to use the caller's own
     * @param drafts          the conversations in the order to store them
     * @return the stored conversations, in the same order
     * @throws ValidationException when the batch is empty, too large, or any row is invalid or names an agent or
     *                             contact that is not one of the client's
     */
    public List<Conversation> appendBatch(Caller caller, ClientId requestedClient, List<ConversationDraft> drafts) {
        Objects.requireNonNull(drafts, "drafts");
        ClientId tenant = Tenants.resolve(caller, requestedClient);
        if (drafts.isEmpty() || drafts.size() > MAX_BATCH_SIZE) {
            throw ValidationException.of("items", "must hold between 1 and " + MAX_BATCH_SIZE
                    + " conversations, got " + drafts.size() + "; split larger imports into several batches");
        }
        Validator validator = new Validator();
        for (int i = 0; i < drafts.size(); i++) {
            ConversationDraft draft = drafts.get(i);
            if (draft == null) {
                validator.reject("items[" + i + "]", "must be an object, not null");
            } else {
                draft.validate(validator, "items[" + i + "].");
            }
        }
        validator.throwIfInvalid();
        return transactions.inTransaction(() -> {
            checkOwnership(tenant, drafts);
            List<Conversation> stored = conversations.insertAll(drafts.stream().map(this::toConversation).toList());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("count", stored.size());
            after.put("ids", stored.stream().map(c -> c.id().toString()).toList());
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.CONVERSATION, null, tenant, null, after);
            return stored;
        });
    }

    /**
     * Reads one conversation.
     *
     * @param caller          who acts
     * @param requestedClient the client named in the request, or null to use the caller's own
     * @param id              the conversation
     * @return the conversation
     * @throws NotFoundException when the client has no conversation with that id
     */
    public Conversation get(Caller caller, ClientId requestedClient, ConversationId id) {
        ClientId tenant = Tenants.resolve(caller, requestedClient);
        return conversations.findById(tenant, id).orElseThrow(() -> new NotFoundException("conversation"));
    }

    /**
     * Lists a client's conversations newest first. A contact or agent filter naming another tenant's contact or
     * agent returns an empty page, as a random id would.
     *
     * @param caller          who acts
     * @param requestedClient the client named in the request, or null to use the caller's own
     * @param query           the filters
     * @param page            which page to read
     * @return the page
     */
    public Page<Conversation> list(Caller caller, ClientId requestedClient, ConversationQuery query,
                                   PageRequest page) {
        ClientId tenant = Tenants.resolve(caller, requestedClient);
        if (query.from().isPresent() && query.to().isPresent() && !query.from().get().isBefore(query.to().get())) {
            throw ValidationException.of("from", "must be before to");
        }
        return conversations.list(tenant, query, page);
    }

    /**
     * Streams a contact's whole history oldest first, one conversation at a time, so no caller needs to hold
     * it in memory.
     *
     * @param caller          who acts
     * @param requestedClient the client named in the request, or null to use the caller's own
     * @param contactId       the contact
     * @param consumer        receives each conversation
     * @return how many conversations were streamed
     * @throws NotFoundException when the client has no contact with that id
     */
    public long export(Caller caller, ClientId requestedClient, ContactId contactId,
                       Consumer<Conversation> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        ClientId tenant = Tenants.resolve(caller, requestedClient);
        contacts.findById(tenant, contactId).orElseThrow(() -> new NotFoundException("contact"));
        return conversations.forEachOfContact(tenant, contactId, consumer);
    }

    private Conversation toConversation(ConversationDraft draft) {
        return new Conversation(new ConversationId(ids.newId()), draft.agentId(), draft.contactId(),
                draft.message(), draft.response(), draft.meta(), clock.instant());
    }

    private void requireAgent(ClientId tenant, AgentId agentId) {
        if (agents.findById(tenant, agentId).isEmpty()) {
            throw new NotFoundException("agent");
        }
    }

    private void requireContact(ClientId tenant, ContactId contactId) {
        if (contacts.findById(tenant, contactId).isEmpty()) {
            throw new NotFoundException("contact");
        }
    }

    /*
     * A batch names each row that refers to an unknown agent or contact, so an import can be fixed in one pass.
     * The lookups are cached because an import usually repeats the same few agents and contacts.
     */
    private void checkOwnership(ClientId tenant, List<ConversationDraft> drafts) {
        Map<AgentId, Boolean> agentKnown = new HashMap<>();
        Map<ContactId, Boolean> contactKnown = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ConversationDraft draft = drafts.get(i);
            if (!agentKnown.computeIfAbsent(draft.agentId(), id -> agents.findById(tenant, id).isPresent())) {
                errors.add(new FieldError("items[" + i + "].agent_id",
                        "agent " + draft.agentId() + " not found in this client"));
            }
            if (!contactKnown.computeIfAbsent(draft.contactId(), id -> contacts.findById(tenant, id).isPresent())) {
                errors.add(new FieldError("items[" + i + "].contact_id",
                        "contact " + draft.contactId() + " not found in this client"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
