package ai.evo.core.application.contact;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.application.shared.TenantScope;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Manages the contacts of a client: the end users its agents talk to. A client user manages its own client's
 * contacts; an admin names the client. Another client's contact gets the same NotFoundException as a missing one. A
 * contact's {@code ext_id} is unique within its client, and {@link #findOrCreateByExtId} finds or creates the
 * contact of a channel id in one atomic step. Every change writes one audit entry. Thread-safe.
 */
public final class ContactService {
    /** Maximum length of name and ext_id, matching the {@code varchar(255)} columns. */
    public static final int MAX_TEXT_LENGTH = 255;
    private static final String RESOURCE = "contact";

    private final Transactions transactions;
    private final ContactRepository contacts;
    private final TenantScope scope;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * Creates the service.
     *
     * @param transactions runs each change atomically with its audit entry
     * @param contacts     the contact store
     * @param clients      the client store, to check a client named by an admin
     * @param audit        the audit writer
     * @param ids          source of new contact ids
     */
    public ContactService(Transactions transactions, ContactRepository contacts, ClientRepository clients,
                          AuditRecorder audit, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.scope = new TenantScope(clients);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates a contact.
     *
     * @param caller who acts
     * @param input  the fields; {@code name} is required
     * @return the stored contact
     * @throws ValidationException when a field is invalid
     * @throws NotFoundException   when the client does not exist or the caller may not see it
     * @throws ConflictException   when the client has a contact with that {@code ext_id}
     */
    public Contact create(Caller caller, ContactInput input) {
        ClientId clientId = scope.forCreate(caller, input.clientId());
        Contact contact = apply(blank(clientId), input, true);
        return transactions.inTransaction(() -> {
            Contact created = contacts.insert(contact);
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.CONTACT, created.id().value(), clientId,
                    null, Snapshots.of(created));
            return created;
        });
    }

    /**
     * Finds the contact of a channel id, or creates it with the given fields, in one atomic step. Two concurrent
     * calls for one {@code ext_id} store one contact. Only a creation is audited; a found contact is returned
     * unchanged.
     *
     * @param caller who acts
     * @param extId  the channel id
     * @param input  the fields of the contact to create; {@code name} is required, and an {@code ext_id} in it
     *               must equal {@code extId}
     * @return the stored contact and whether this call created it
     * @throws ValidationException when a field is invalid
     * @throws NotFoundException   when the client does not exist or the caller may not see it
     */
    public ContactRepository.FoundOrCreated findOrCreateByExtId(Caller caller, String extId, ContactInput input) {
        ClientId clientId = scope.forCreate(caller, input.clientId());
        Validator validator = new Validator();
        StorableText.required(validator, "ext_id", extId, MAX_TEXT_LENGTH);
        if (input.extId().isPresent() && !Objects.equals(input.extId().value(), extId)) {
            validator.reject("ext_id", "in the body must equal the ext_id in the path, or be left out");
        }
        validator.throwIfInvalid();
        ContactInput withExtId = new ContactInput(input.clientId(), input.name(), FieldUpdate.set(extId),
                input.meta());
        Contact candidate = apply(blank(clientId), withExtId, true);
        return transactions.inTransaction(() -> {
            ContactRepository.FoundOrCreated result = contacts.findOrCreateByExtId(candidate);
            if (result.created()) {
                audit.recordChange(caller, AuditAction.CREATE, ResourceType.CONTACT, result.contact().id().value(),
                        clientId, null, Snapshots.of(result.contact()));
            }
            return result;
        });
    }

    /**
     * Reads one contact.
     *
     * @param caller who acts
     * @param id     the contact
     * @return the contact
     * @throws NotFoundException when it does not exist or the caller may not see it
     */
    public Contact get(Caller caller, ContactId id) {
        return contacts.findById(ownerVisibleTo(caller, id), id).orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /**
     * Lists one client's contacts in creation order. A client user always reads its own client, so naming any
     * other client returns an empty page; an admin names exactly one client.
     *
     * @param caller    who acts
     * @param clientIds the {@code client_id} values sent
     * @param page      which page to read
     * @return the page
     * @throws ValidationException when an admin names no client or several
     */
    public Page<Contact> list(Caller caller, Set<ClientId> clientIds, PageRequest page) {
        if (caller.admin() && clientIds.size() != 1) {
            throw ValidationException.of("client_id", "name exactly one client whose contacts to list");
        }
        Optional<Set<ClientId>> visible = scope.forListing(caller, clientIds);
        if (visible.isEmpty() || visible.get().size() != 1) {
            return new Page<>(List.of(), Optional.empty());
        }
        return contacts.list(visible.get().iterator().next(), page);
    }

    /**
     * Changes a contact. Fields left out keep their stored values; {@code ext_id} sent as null removes it.
     *
     * @param caller   who acts
     * @param id       the contact
     * @param input    the fields to change
     * @param expected the version the caller read, if it sent one
     * @return the stored contact
     * @throws NotFoundException                                     when it does not exist or the caller may not
     *                                                               see it
     * @throws ai.evo.core.domain.common.PreconditionFailedException when it changed since {@code expected}
     * @throws ConflictException                                     when another contact of the client has the
     *                                                               new {@code ext_id}
     */
    public Contact update(Caller caller, ContactId id, ContactInput input, Optional<EntityTag> expected) {
        ClientId owner = ownerVisibleTo(caller, id);
        return transactions.inTransaction(() -> {
            Contact before = contacts.findByIdForUpdate(owner, id).orElseThrow(() -> new NotFoundException(RESOURCE));
            scope.requireUnchanged(caller, input.clientId(), owner);
            EntityTag.require(expected, before.updatedAt(), RESOURCE);
            Contact after = contacts.update(apply(before, input, false))
                    .orElseThrow(() -> new NotFoundException(RESOURCE));
            audit.recordChange(caller, AuditAction.UPDATE, ResourceType.CONTACT, id.value(), owner,
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Deletes a contact and, through the store, its conversations.
     *
     * @param caller who acts
     * @param id     the contact
     * @throws NotFoundException when it does not exist or the caller may not see it
     */
    public void delete(Caller caller, ContactId id) {
        ClientId owner = ownerVisibleTo(caller, id);
        transactions.inTransaction(() -> {
            Contact before = contacts.findByIdForUpdate(owner, id).orElseThrow(() -> new NotFoundException(RESOURCE));
            contacts.delete(owner, id);
            audit.recordChange(caller, AuditAction.DELETE, ResourceType.CONTACT, id.value(), owner,
                    Snapshots.of(before), null);
            return null;
        });
    }

    private ClientId ownerVisibleTo(Caller caller, ContactId id) {
        if (caller.admin()) {
            return contacts.findOwner(id).orElseThrow(() -> new NotFoundException(RESOURCE));
        }
        return caller.client().orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    private Contact blank(ClientId clientId) {
        return new Contact(new ContactId(ids.newId()), clientId, null, "", Map.of(), null, null);
    }

    private static Contact apply(Contact current, ContactInput input, boolean creating) {
        Validator validator = new Validator();
        String name = input.name().orElse(creating ? null : current.name());
        StorableText.required(validator, "name", name, MAX_TEXT_LENGTH);
        String extId = input.extId().orElse(current.extId());
        if (extId != null && extId.isBlank()) {
            validator.reject("ext_id", "must not be blank; send null for none");
        }
        StorableText.optional(validator, "ext_id", extId, MAX_TEXT_LENGTH);
        Map<String, Object> meta = current.meta();
        if (input.meta().isPresent()) {
            if (input.meta().value() == null) {
                validator.reject("meta", "must be an object; send {} for none");
            } else {
                meta = input.meta().value();
                StorableText.json(validator, "meta", meta);
            }
        }
        validator.throwIfInvalid();
        return new Contact(current.id(), current.clientId(), extId, name, meta, current.createdAt(),
                current.updatedAt());
    }
}
