package ai.evo.core.http;

import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The {@code /api/v1/clients} routes. Tenant and role checks are the {@link ClientService}'s. */
final class ClientRoutes {
    static final String COLLECTION = "/api/v1/clients";
    static final String ID = "id";

    private static final List<String> BODY_FIELDS = List.of("name", "email");
    private static final List<String> LIST_PARAMETERS = List.of(Paging.LIMIT, Paging.CURSOR);

    private final ClientService clients;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    ClientRoutes(ClientService clients, JsonBodies bodies, Json json, Paging paging) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** A client as the API shows it. */
    record ClientView(UUID id, String name, String email,
                      @JsonProperty("created_at") Instant createdAt,
                      @JsonProperty("updated_at") Instant updatedAt) {

        static ClientView of(Client client) {
            return new ClientView(client.id().value(), client.details().name(), client.details().email().value(),
                    client.createdAt(), client.updatedAt());
        }
    }

    /** {@code POST /api/v1/clients}: 201 with the client and its {@code Location}. */
    void create(Context ctx, Caller caller) {
        ClientDetails details = readDetails(ctx);
        Client created = clients.create(caller, details);
        ctx.header("Location", COLLECTION + "/" + created.id());
        json.respond(ctx, 201, ClientView.of(created));
    }

    /** {@code GET /api/v1/clients}: one page of the clients the caller may see. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, LIST_PARAMETERS);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<Client> result = clients.list(caller, page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(ClientView::of).toList());
    }

    /** {@code GET /api/v1/clients/{id}}. */
    void get(Context ctx, Caller caller) {
        ClientId id = new ClientId(PathParameters.uuid(ctx, ID));
        json.respond(ctx, 200, ClientView.of(clients.get(caller, id)));
    }

    /** {@code PUT /api/v1/clients/{id}}: replaces name and email. */
    void update(Context ctx, Caller caller) {
        ClientId id = new ClientId(PathParameters.uuid(ctx, ID));
        ClientDetails details = readDetails(ctx);
        json.respond(ctx, 200, ClientView.of(clients.update(caller, id, details)));
    }

    /** {@code DELETE /api/v1/clients/{id}}: 204 without a body. */
    void delete(Context ctx, Caller caller) {
        ClientId id = new ClientId(PathParameters.uuid(ctx, ID));
        clients.delete(caller, id);
        ctx.status(204);
    }

    private ClientDetails readDetails(Context ctx) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), BODY_FIELDS);
        String name = fields.optionalString("name");
        String email = fields.optionalString("email");
        fields.throwIfInvalid();
        return ClientDetails.of(name, email);
    }
}
