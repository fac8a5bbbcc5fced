package ai.evo.core.http;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.user.UserService;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserQuery;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user management routes: {@code /api/v1/admin/users} for admins and {@code /api/v1/clients/{id}/users} for
 * the users of one client. Tenant and role checks are the {@link UserService}'s.
 */
final class UserRoutes {
    static final String ADMIN_COLLECTION = "/api/v1/admin/users";
    static final String ID = "id";

    private static final List<String> CREATE_FIELDS = List.of("email", "password");
    private static final List<String> ADMIN_LIST_PARAMETERS =
            List.of("is_admin", "client_id", "is_active", "is_locked", Paging.LIMIT, Paging.CURSOR);
    private static final List<String> CLIENT_LIST_PARAMETERS = List.of(Paging.LIMIT, Paging.CURSOR);

    private final UserService users;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;
    private final AccessStateCache accessStates;

    UserRoutes(UserService users, JsonBodies bodies, Json json, Paging paging, AccessStateCache accessStates) {
        this.users = Objects.requireNonNull(users, "users");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
        this.accessStates = Objects.requireNonNull(accessStates, "accessStates");
    }

    /** {@code GET /api/v1/admin/users}: one page of every account, filtered. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, ADMIN_LIST_PARAMETERS);
        Optional<Boolean> admin = query.bool("is_admin");
        Optional<ClientId> client = query.uuid("client_id").map(ClientId::new);
        Optional<Boolean> active = query.bool("is_active");
        Optional<Boolean> locked = query.bool("is_locked");
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<User> result = users.list(caller, new UserQuery(admin, client, active, locked), page);
        respondPage(ctx, query, result);
    }

    /** {@code POST /api/v1/admin/users}: 201 with the new admin. */
    void createAdmin(Context ctx, Caller caller) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), CREATE_FIELDS);
        String email = fields.requiredString("email");
        String password = fields.requiredString("password");
        fields.throwIfInvalid();

        json.respond(ctx, 201, UserView.of(users.createAdmin(caller, email, password)));
    }

    /** {@code DELETE /api/v1/admin/users/{id}}: 204 once the account is inactive. */
    void deactivate(Context ctx, Caller caller) {
        UserId id = new UserId(PathParameters.uuid(ctx, ID));
        users.deactivate(caller, id);
        accessStates.evict(id);
        ctx.status(204);
    }

    /** {@code POST /api/v1/admin/users/{id}/unlock}: the account with its lock lifted. */
    void unlock(Context ctx, Caller caller) {
        json.respond(ctx, 200, UserView.of(users.unlock(caller, new UserId(PathParameters.uuid(ctx, ID)))));
    }

    /** {@code POST /api/v1/clients/{id}/users}: 201 with the new user of the client. */
    void createClientUser(Context ctx, Caller caller) {
        ClientId client = new ClientId(PathParameters.uuid(ctx, ClientRoutes.ID));
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), CREATE_FIELDS);
        String email = fields.requiredString("email");
        String password = fields.requiredString("password");
        fields.throwIfInvalid();

        json.respond(ctx, 201, UserView.of(users.createClientUser(caller, client, email, password)));
    }

    /** {@code GET /api/v1/clients/{id}/users}: one page of the client's users. */
    void listClientUsers(Context ctx, Caller caller) {
        ClientId client = new ClientId(PathParameters.uuid(ctx, ClientRoutes.ID));
        QueryParameters query = QueryParameters.of(ctx, CLIENT_LIST_PARAMETERS);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        respondPage(ctx, query, users.listClientUsers(caller, client, page));
    }

    private void respondPage(Context ctx, QueryParameters query, Page<User> result) {
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(UserView::of).toList());
    }
}
