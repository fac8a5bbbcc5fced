package ai.evo.core.http;

import ai.evo.core.application.conversation.ConversationService;
import ai.evo.core.application.idempotency.IdempotentRequests;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationDraft;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.domain.conversation.ConversationQuery;
import ai.evo.core.domain.idempotency.StoredResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation routes: append one or a batch (both idempotent with an {@code Idempotency-Key} header), list,
 * read one, and export a contact's history as NDJSON. Tenant checks are the {@link ConversationService}'s; an
 * admin without a client names the client with {@code client_id} in the body or the query.
 */
final class ConversationRoutes {
    static final String COLLECTION = "/api/v1/conversations";
    static final String BATCH = COLLECTION + "/batch";
    static final String ONE = COLLECTION + "/{id}";
    static final String EXPORT = "/api/v1/contacts/{id}/conversations/export";
    static final String ID = "id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = LoggerFactory.getLogger(ConversationRoutes.class);
    private static final String CLIENT_ID = "client_id";
    private static final String CONTACT_ID = "contact_id";
    private static final String AGENT_ID = "agent_id";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String ITEMS = "items";
    private static final List<String> ITEM_FIELDS =
            List.of(AGENT_ID, CONTACT_ID, "message", "response", "meta");
    private static final List<String> BODY_FIELDS =
            List.of(CLIENT_ID, AGENT_ID, CONTACT_ID, "message", "response", "meta");
    private static final List<String> BATCH_FIELDS = List.of(CLIENT_ID, ITEMS);
    private static final List<String> LIST_PARAMETERS =
            List.of(Paging.LIMIT, Paging.CURSOR, CLIENT_ID, CONTACT_ID, AGENT_ID, FROM, TO);
    private static final List<String> CLIENT_PARAMETER = List.of(CLIENT_ID);
    /** Rows written to the export stream between flushes. */
    private static final int EXPORT_FLUSH_ROWS = 200;

    private final ConversationService conversations;
    private final IdempotentRequests idempotency;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    ConversationRoutes(ConversationService conversations, IdempotentRequests idempotency, JsonBodies bodies,
                       Json json, Paging paging) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** A conversation as the API shows it. */
    record ConversationView(UUID id,
                            @JsonProperty("agent_id") UUID agentId,
                            @JsonProperty("contact_id") UUID contactId,
                            String message,
                            String response,
                            Map<String, Object> meta,
                            @JsonProperty("created_at") Instant createdAt) {

        static ConversationView of(Conversation conversation) {
            return new ConversationView(conversation.id().value(), conversation.agentId().value(),
                    conversation.contactId().value(), conversation.message(), conversation.response(),
                    conversation.meta(), conversation.createdAt());
        }
    }

    /** {@code POST /api/v1/conversations}: 201 with the stored conversation. */
    void append(Context ctx, Caller caller) {
        ObjectNode body = bodies.readObject(ctx);
        Validator validator = new Validator();
        checkFields(validator, body, BODY_FIELDS, "");
        ClientId client = optionalUuid(validator, body, CLIENT_ID, "").map(ClientId::new).orElse(null);
        ConversationDraft draft = readDraft(validator, body, "");
        validator.throwIfInvalid();

        respondOnce(ctx, caller, "POST " + COLLECTION, body, () -> {
            Conversation stored = conversations.append(caller, client, draft);
            return new StoredResponse(201, new String(json.toBytes(ConversationView.of(stored)),
                    StandardCharsets.UTF_8));
        });
    }

    /** {@code POST /api/v1/conversations/batch}: 201 with the stored conversations in request order. */
    void appendBatch(Context ctx, Caller caller) {
        ObjectNode body = bodies.readObject(ctx);
        Validator validator = new Validator();
        checkFields(validator, body, BATCH_FIELDS, "");
        ClientId client = optionalUuid(validator, body, CLIENT_ID, "").map(ClientId::new).orElse(null);
        JsonNode items = body.get(ITEMS);
        List<ConversationDraft> drafts = new ArrayList<>();
        if (items == null || items.isNull()) {
            validator.reject(ITEMS, "is required; send an array of 1 to " + ConversationService.MAX_BATCH_SIZE
                    + " conversations");
        } else if (!items.isArray()) {
            validator.reject(ITEMS, "must be an array, got " + JsonFields.describe(items));
        } else if (items.size() > ConversationService.MAX_BATCH_SIZE) {
            validator.reject(ITEMS, "must hold at most " + ConversationService.MAX_BATCH_SIZE
                    + " conversations, got " + items.size() + "; split larger imports into several batches");
        } else {
            for (int i = 0; i < items.size(); i++) {
                String prefix = ITEMS + "[" + i + "].";
                JsonNode item = items.get(i);
                if (!item.isObject()) {
                    validator.reject(ITEMS + "[" + i + "]", "must be an object, got " + JsonFields.describe(item));
                    drafts.add(null);
                    continue;
                }
                checkFields(validator, (ObjectNode) item, ITEM_FIELDS, prefix);
                drafts.add(readDraft(validator, (ObjectNode) item, prefix));
            }
        }
        validator.throwIfInvalid();

        respondOnce(ctx, caller, "POST " + BATCH, body, () -> {
            List<ConversationView> stored = conversations.appendBatch(caller, client, drafts).stream()
                    .map(ConversationView::of)
                    .toList();
            return new StoredResponse(201, new String(json.toBytes(stored), StandardCharsets.UTF_8));
        });
    }

    /** {@code GET /api/v1/conversations}: one page, newest first. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, LIST_PARAMETERS);
        ClientId client = query.uuid(CLIENT_ID).map(ClientId::new).orElse(null);
        Optional<ContactId> contact = query.uuid(CONTACT_ID).map(ContactId::new);
        Optional<AgentId> agent = query.uuid(AGENT_ID).map(AgentId::new);
        Optional<Instant> from = query.instant(FROM);
        Optional<Instant> to = query.instant(TO);
        PageRequest page = paging.pageRequest(query);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            query.reject(TO, "must be after from");
        }
        query.throwIfInvalid();

        Page<Conversation> result = conversations.list(caller, client,
                new ConversationQuery(contact, agent, from, to), page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(ConversationView::of).toList());
    }

    /** {@code GET /api/v1/conversations/{id}}. */
    void get(Context ctx, Caller caller) {
        ConversationId id = new ConversationId(PathParameters.uuid(ctx, ID));
        QueryParameters query = QueryParameters.of(ctx, CLIENT_PARAMETER);
        ClientId client = query.uuid(CLIENT_ID).map(ClientId::new).orElse(null);
        query.throwIfInvalid();

        json.respond(ctx, 200, ConversationView.of(conversations.get(caller, client, id)));
    }

    /**
     * {@code GET /api/v1/contacts/{id}/conversations/export}: the contact's whole history oldest first, one JSON
     * object per line, streamed from the database as it is read. Errors found before the first line get a
     * problem response. A database failure after that can only cut the stream short, so clients must check
     * that the last line ends with a newline.
     */
    void export(Context ctx, Caller caller) throws IOException {
        ContactId contact = new ContactId(PathParameters.uuid(ctx, ID));
        QueryParameters query = QueryParameters.of(ctx, CLIENT_PARAMETER);
        ClientId client = query.uuid(CLIENT_ID).map(ClientId::new).orElse(null);
        query.throwIfInvalid();

        ExportStream stream = new ExportStream(ctx);
        long count = conversations.export(caller, client, contact, stream::write);
        stream.finish();
        LOG.debug("Exported {} conversations of contact {} (request id {})", count, contact,
                RequestContext.requestId(ctx));
    }

    /*
     * Runs a write once per Idempotency-Key when the header is present. The fingerprint covers the route and
     * the parsed body, so the same JSON sent with other whitespace still counts as the same request.
     */
    private void respondOnce(Context ctx, Caller caller, String route, ObjectNode body,
                             Supplier<StoredResponse> work) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        StoredResponse response = key == null
                ? work.get()
                : idempotency.execute(caller, key, fingerprint(route, body), work);
        ctx.status(response.status()).contentType(Json.CONTENT_TYPE).result(response.body());
    }

    private String fingerprint(String route, ObjectNode body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(json.mapper().writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("fingerprinting a request body failed", e);
        }
    }

    private ConversationDraft readDraft(Validator validator, ObjectNode body, String prefix) {
        AgentId agent = optionalUuid(validator, body, AGENT_ID, prefix).map(AgentId::new).orElse(null);
        ContactId contact = optionalUuid(validator, body, CONTACT_ID, prefix).map(ContactId::new).orElse(null);
        String message = optionalText(validator, body, "message", prefix);
        String response = optionalText(validator, body, "response", prefix);
        Map<String, Object> meta = optionalObject(validator, body, "meta", prefix);
        return new ConversationDraft(agent, contact, message, response, meta);
    }

    private static void checkFields(Validator validator, ObjectNode body, List<String> accepted, String prefix) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                validator.reject(prefix + name, "is not a known field; accepted fields are "
                        + String.join(", ", accepted));
            }
        }
    }

    private static Optional<UUID> optionalUuid(Validator validator, ObjectNode body, String name, String prefix) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<UUID> parsed = value.isTextual() ? Uuids.parse(value.textValue()) : Optional.empty();
        if (parsed.isEmpty()) {
            validator.reject(prefix + name, "must be a UUID such as 0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a");
        }
        return parsed;
    }

    private static String optionalText(Validator validator, ObjectNode body, String name, String prefix) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            validator.reject(prefix + name, "must be a string, got " + JsonFields.describe(value));
            return null;
        }
        return value.textValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> optionalObject(Validator validator, ObjectNode body, String name, String prefix) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            validator.reject(prefix + name, "must be a JSON object, got " + JsonFields.describe(value));
            return null;
        }
        return json.mapper().convertValue(value, Map.class);
    }

    /** Writes conversations as NDJSON lines, committing the response headers only with the first line. */
    private final class ExportStream {
        private final Context ctx;
        private OutputStream out;
        private long written;

        ExportStream(Context ctx) {
            this.ctx = ctx;
        }

        void write(Conversation conversation) {
            try {
                if (out == null) {
                    open();
                }
                out.write(json.toBytes(ConversationView.of(conversation)));
                out.write('\n');
                written++;
                if (written % EXPORT_FLUSH_ROWS == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the client stopped reading the export", e);
            }
        }

        void finish() throws IOException {
            if (out == null) {
                open();
            }
            out.flush();
        }

        private void open() throws IOException {
            ctx.status(200).contentType(NDJSON);
            out = new BufferedOutputStream(ctx.res().getOutputStream(), 64 * 1024);
        }
    }
}
