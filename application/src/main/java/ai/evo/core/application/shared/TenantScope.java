package ai.evo.core.application.shared;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.ValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which client a request about tenant data acts on. The tenant comes from the caller: a client user
 * always acts on its own client, and a {@code client_id} naming any other client is answered exactly like a
 * client that does not exist. Only admins name a client freely. Thread-safe.
 */
public final class TenantScope {
    private static final String CLIENT = "client";

    private final ClientRepository clients;

    /**
     * Creates the scope.
     *
     * @param clients the client store, to check that a client named by an admin exists
     */
    public TenantScope(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Resolves the client that a new resource belongs to.
     *
     * @param caller    who acts
     * @param requested the {@code client_id} sent, if any
     * @return the client
     * @throws NotFoundException   when the client does not exist or the caller may not see it
     * @throws ValidationException when an admin sends no {@code client_id}
     * @throws ForbiddenException  when a non-admin caller belongs to no client
     */
    public ClientId forCreate(Caller caller, Optional<ClientId> requested) {
        if (caller.admin()) {
            ClientId clientId = requested.orElseThrow(() -> ValidationException.of("client_id",
                    "is required for admins: name the client the resource belongs to"));
            clients.findById(clientId).orElseThrow(() -> new NotFoundException(CLIENT));
            return clientId;
        }
        ClientId own = caller.client().orElseThrow(() -> new ForbiddenException(
                "only users of a client organization or admins may manage its resources"));
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw new NotFoundException(CLIENT);
        }
        return own;
    }

    /**
     * Narrows the {@code client_id} filters of a listing to the clients the caller may see.
     *
     * @param caller    who acts
     * @param requested the {@code client_id} values sent; empty means "every client I may see"
     * @return the clients to list, or empty for every client (admins only)
     */
    public Optional<Set<ClientId>> forListing(Caller caller, Set<ClientId> requested) {
        if (caller.admin()) {
            return requested.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(requested));
        }
        Optional<ClientId> own = caller.client();
        if (own.isEmpty() || (!requested.isEmpty() && !requested.contains(own.get()))) {
            return Optional.of(Set.of());
        }
        return Optional.of(Set.of(own.get()));
    }

    /**
     * Checks a {@code client_id} sent with an update: it may repeat the resource's client, and naming any other
     * client is rejected without telling whether that client exists.
     *
     * @param caller    who acts
     * @param requested the {@code client_id} sent, if any
     * @param current   the resource's client
     * @throws NotFoundException   when the caller may not see the client named
     * @throws ValidationException when the caller may see it but it differs from the resource's client
     */
    public void requireUnchanged(Caller caller, Optional<ClientId> requested, ClientId current) {
        if (requested.isEmpty() || requested.get().equals(current)) {
            return;
        }
        if (!caller.canSee(requested.get())) {
            throw new NotFoundException(CLIENT);
        }
        throw ValidationException.of("client_id", "cannot change: a resource stays in the client that created it;"
                + " create a new one in client " + requested.get() + " instead");
    }
}
