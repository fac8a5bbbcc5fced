package ai.evo.core.http;

import ai.evo.core.application.catalog.ToolInput;
import ai.evo.core.application.catalog.ToolService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code /api/v1/tools} routes of the global tool catalog. Role checks and secret handling are the
 * {@link ToolService}'s; responses show each {@code environments} value only as its mask.
 */
final class ToolRoutes {
    static final String COLLECTION = "/api/v1/tools";
    static final String ID = "id";
    static final String FORCE = "force";

    private static final List<String> BODY_FIELDS = List.of("name", "description", "config_json", "environments");
    private static final List<String> LIST_PARAMETERS = List.of(Paging.LIMIT, Paging.CURSOR);

    private final ToolService tools;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    ToolRoutes(ToolService tools, JsonBodies bodies, Json json, Paging paging) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** A tool as the API shows it, with masked environment values. */
    record ToolView(UUID id, String name, String description,
                    @JsonProperty("config_json") Map<String, Object> configJson,
                    Map<String, Object> environments,
                    @JsonProperty("created_at") Instant createdAt,
                    @JsonProperty("updated_at") Instant updatedAt) {

        static ToolView of(Tool tool) {
            return new ToolView(tool.id().value(), tool.name(), tool.description(), tool.configJson(),
                    SecretValues.masked(tool.environments()), tool.createdAt(), tool.updatedAt());
        }
    }

    /** {@code POST /api/v1/tools}: 201 with the tool, its {@code Location} and {@code ETag}. */
    void create(Context ctx, Caller caller) {
        Tool created = tools.create(caller, readInput(ctx));
        ctx.header("Location", COLLECTION + "/" + created.id());
        Preconditions.tag(ctx, created.updatedAt());
        json.respond(ctx, 201, ToolView.of(created));
    }

    /** {@code GET /api/v1/tools}: one page of the catalog. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, LIST_PARAMETERS);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<Tool> result = tools.list(caller, page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(ToolView::of).toList());
    }

    /** {@code GET /api/v1/tools/{id}} with its {@code ETag}. */
    void get(Context ctx, Caller caller) {
        Tool tool = tools.get(caller, new ToolId(PathParameters.uuid(ctx, ID)));
        Preconditions.tag(ctx, tool.updatedAt());
        json.respond(ctx, 200, ToolView.of(tool));
    }

    /** {@code PUT /api/v1/tools/{id}}: changes the fields sent, honouring {@code If-Match}. */
    void update(Context ctx, Caller caller) {
        ToolId id = new ToolId(PathParameters.uuid(ctx, ID));
        ToolInput input = readInput(ctx);
        Tool updated = tools.update(caller, id, input, Preconditions.expected(ctx));
        Preconditions.tag(ctx, updated.updatedAt());
        json.respond(ctx, 200, ToolView.of(updated));
    }

    /** {@code DELETE /api/v1/tools/{id}[?force=true]}: 204 without a body. */
    void delete(Context ctx, Caller caller) {
        ToolId id = new ToolId(PathParameters.uuid(ctx, ID));
        boolean force = readForce(ctx);
        tools.delete(caller, id, force);
        ctx.status(204);
    }

    /** Reads the {@code force} parameter of a catalog delete: {@code true} or {@code false}, default false. */
    static boolean readForce(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx, List.of(FORCE));
        String value = query.text(FORCE).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            query.reject(FORCE, "must be true or false");
        }
        query.throwIfInvalid();
        return value.equals("true");
    }

    private ToolInput readInput(Context ctx) {
        UpdateFields fields = UpdateFields.of(bodies.readObject(ctx), BODY_FIELDS, json);
        ToolInput input = new ToolInput(fields.string("name"), fields.string("description"),
                fields.object("config_json"), fields.object("environments"));
        fields.throwIfInvalid();
        return input;
    }
}
