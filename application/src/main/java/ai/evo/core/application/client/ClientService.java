package ai.evo.core.application.client;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Transactions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Manages client organizations. Admins manage every client. A user of a client reads and updates only its own
 * client, cannot create or delete clients, and gets "not found" for any other client, so ids of other tenants
 * reveal nothing. Every change writes one audit entry in the same transaction. Thread-safe.
 */
public final class ClientService {
    private static final String RESOURCE = "client";

    private final Transactions transactions;
    private final ClientRepository clients;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * Creates the service.
     *
     * @param transactions runs each change atomically with its audit entry
     * @param clients      the client store
     * @param audit        the audit writer
     * @param ids          source of new client ids
     */
    public ClientService(Transactions transactions, ClientRepository clients, AuditRecorder audit, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates a client. Admins only.
     *
     * @param caller  who acts
     * @param details the validated fields
     * @return the stored client
     */
    public Client create(Caller caller, ClientDetails details) {
        requireAdmin(caller, "create clients");
        return transactions.inTransaction(() -> {
            Client created = clients.insert(new ClientId(ids.newId()), details);
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.CLIENT, created.id().value(),
                    created.id(), null, Snapshots.of(created));
            return created;
        });
    }

    /**
     * Lists the clients the caller may see: all of them for an admin, its own for a client user.
     *
     * @param caller who acts
     * @param page   which page to read
     * @return the page
     */
    public Page<Client> list(Caller caller, PageRequest page) {
        if (caller.admin()) {
            return clients.list(page);
        }
        if (page.after().isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<Client> own = caller.client().flatMap(clients::findById).stream().toList();
        return new Page<>(own, Optional.empty());
    }

    /**
     * Reads one client.
     *
     * @param caller who acts
     * @param id     the client
     * @return the client
     * @throws NotFoundException when it does not exist or the caller may not see it
     */
    public Client get(Caller caller, ClientId id) {
        requireVisible(caller, id);
        return clients.findById(id).orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /**
     * Replaces a client's name and email.
     *
     * @param caller  who acts
     * @param id      the client
     * @param details the new fields
     * @return the stored client
     * @throws NotFoundException when it does not exist or the caller may not see it
     */
    public Client update(Caller caller, ClientId id, ClientDetails details) {
        requireVisible(caller, id);
        return transactions.inTransaction(() -> {
            Client before = clients.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            Client after = clients.update(id, details).orElseThrow(() -> new NotFoundException(RESOURCE));
            audit.recordChange(caller, AuditAction.UPDATE, ResourceType.CLIENT, id.value(), id,
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Deletes a client together with its users, agents, contacts and conversations. Admins only.
     *
     * @param caller who acts
     * @param id     the client
     * @throws NotFoundException  when it does not exist or the caller may not see it
     * @throws ForbiddenException when a client user tries to delete its own client
     */
    public void delete(Caller caller, ClientId id) {
        requireVisible(caller, id);
        requireAdmin(caller, "delete clients");
        transactions.inTransaction(() -> {
            Client before = clients.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            clients.delete(id);
            audit.recordChange(caller, AuditAction.DELETE, ResourceType.CLIENT, id.value(), id,
                    Snapshots.of(before), null);
            return null;
        });
    }

    private static void requireVisible(Caller caller, ClientId id) {
        if (!caller.canSee(id)) {
            throw new NotFoundException(RESOURCE);
        }
    }

    private static void requireAdmin(Caller caller, String action) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may " + action);
        }
    }
}
