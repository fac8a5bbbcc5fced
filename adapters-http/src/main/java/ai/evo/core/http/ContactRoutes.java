package ai.evo.core.http;

import ai.evo.core.application.contact.ContactInput;
import ai.evo.core.application.contact.ContactService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.contact.ContactRepository;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code /api/v1/contacts} routes. Tenant checks are the {@link ContactService}'s. */
final class ContactRoutes {
    static final String COLLECTION = "/api/v1/contacts";
    static final String ID = "id";
    static final String EXT_ID = "ext_id";
    static final String BY_EXT_ID = COLLECTION + "/by-ext-id/{" + EXT_ID + "}";

    private static final String CLIENT_ID = "client_id";
    private static final List<String> BODY_FIELDS = List.of(CLIENT_ID, "name", EXT_ID, "meta");
    private static final List<String> LIST_PARAMETERS = List.of(CLIENT_ID, Paging.LIMIT, Paging.CURSOR);

    private final ContactService contacts;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    ContactRoutes(ContactService contacts, JsonBodies bodies, Json json, Paging paging) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** A contact as the API shows it. */
    record ContactView(UUID id,
                       @JsonProperty("client_id") UUID clientId,
                       @JsonProperty("ext_id") String extId,
                       String name,
                       Map<String, Object> meta,
                       @JsonProperty("created_at") Instant createdAt,
                       @JsonProperty("updated_at") Instant updatedAt) {

        static ContactView of(Contact contact) {
            return new ContactView(contact.id().value(), contact.clientId().value(), contact.extId(), contact.name(),
                    contact.meta(), contact.createdAt(), contact.updatedAt());
        }
    }

    /** {@code POST /api/v1/contacts}: 201 with the contact, its {@code Location} and {@code ETag}. */
    void create(Context ctx, Caller caller) {
        Contact created = contacts.create(caller, readInput(ctx));
        ctx.header("Location", COLLECTION + "/" + created.id());
        Preconditions.tag(ctx, created.updatedAt());
        json.respond(ctx, 201, ContactView.of(created));
    }

    /**
     * {@code PUT /api/v1/contacts/by-ext-id/{ext_id}}: finds the contact of a channel id or creates it, in one
     * atomic step; 201 when created, 200 when found.
     */
    void findOrCreate(Context ctx, Caller caller) {
        String extId = ctx.pathParam(EXT_ID);
        ContactRepository.FoundOrCreated result = contacts.findOrCreateByExtId(caller, extId, readInput(ctx));
        Contact contact = result.contact();
        ctx.header("Location", COLLECTION + "/" + contact.id());
        Preconditions.tag(ctx, contact.updatedAt());
        json.respond(ctx, result.created() ? 201 : 200, ContactView.of(contact));
    }

    /** {@code GET /api/v1/contacts}: one page of one client's contacts; the caller's own unless an admin. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, LIST_PARAMETERS, Set.of(CLIENT_ID));
        Set<ClientId> clientIds = new LinkedHashSet<>();
        for (String text : query.all(CLIENT_ID)) {
            Optional<UUID> parsed = Uuids.parse(text);
            if (parsed.isPresent()) {
                clientIds.add(new ClientId(parsed.get()));
            } else {
                query.reject(CLIENT_ID, "must be a UUID such as 0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a");
            }
        }
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<Contact> result = contacts.list(caller, clientIds, page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(ContactView::of).toList());
    }

    /** {@code GET /api/v1/contacts/{id}} with its {@code ETag}. */
    void get(Context ctx, Caller caller) {
        Contact contact = contacts.get(caller, new ContactId(PathParameters.uuid(ctx, ID)));
        Preconditions.tag(ctx, contact.updatedAt());
        json.respond(ctx, 200, ContactView.of(contact));
    }

    /** {@code PUT /api/v1/contacts/{id}}: changes the fields sent, honouring {@code If-Match}. */
    void update(Context ctx, Caller caller) {
        ContactId id = new ContactId(PathParameters.uuid(ctx, ID));
        ContactInput input = readInput(ctx);
        Contact updated = contacts.update(caller, id, input, Preconditions.expected(ctx));
        Preconditions.tag(ctx, updated.updatedAt());
        json.respond(ctx, 200, ContactView.of(updated));
    }

    /** {@code DELETE /api/v1/contacts/{id}}: 204 without a body. */
    void delete(Context ctx, Caller caller) {
        contacts.delete(caller, new ContactId(PathParameters.uuid(ctx, ID)));
        ctx.status(204);
    }

    private ContactInput readInput(Context ctx) {
        UpdateFields fields = UpdateFields.of(bodies.readObject(ctx), BODY_FIELDS, json);
        ContactInput input = new ContactInput(fields.uuid(CLIENT_ID).map(ClientId::new), fields.string("name"),
                fields.string(EXT_ID), fields.object("meta"));
        fields.throwIfInvalid();
        return input;
    }
}
