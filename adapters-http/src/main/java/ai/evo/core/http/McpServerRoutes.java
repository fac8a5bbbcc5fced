package ai.evo.core.http;

import ai.evo.core.application.catalog.McpServerInput;
import ai.evo.core.application.catalog.McpServerService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code /api/v1/mcp-servers} routes of the global MCP server catalog. Role checks and secret handling are
 * the {@link McpServerService}'s; responses show each {@code environments} value only as its mask.
 */
final class McpServerRoutes {
    static final String COLLECTION = "/api/v1/mcp-servers";
    static final String ID = "id";

    private static final List<String> BODY_FIELDS =
            List.of("name", "description", "type", "config_json", "environments", "tools");
    private static final List<String> LIST_PARAMETERS = List.of(Paging.LIMIT, Paging.CURSOR);

    private final McpServerService servers;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    McpServerRoutes(McpServerService servers, JsonBodies bodies, Json json, Paging paging) {
        this.servers = Objects.requireNonNull(servers, "servers");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** An MCP server as the API shows it, with masked environment values. */
    record McpServerView(UUID id, String name, String description, String type,
                         @JsonProperty("config_json") Map<String, Object> configJson,
                         Map<String, Object> environments,
                         List<Object> tools,
                         @JsonProperty("created_at") Instant createdAt,
                         @JsonProperty("updated_at") Instant updatedAt) {

        static McpServerView of(McpServer server) {
            return new McpServerView(server.id().value(), server.name(), server.description(), server.type(),
                    server.configJson(), SecretValues.masked(server.environments()), server.tools(),
                    server.createdAt(), server.updatedAt());
        }
    }

    /** {@code POST /api/v1/mcp-servers}: 201 with the server, its {@code Location} and {@code ETag}. */
    void create(Context ctx, Caller caller) {
        McpServer created = servers.create(caller, readInput(ctx));
        ctx.header("Location", COLLECTION + "/" + created.id());
        Preconditions.tag(ctx, created.updatedAt());
        json.respond(ctx, 201, McpServerView.of(created));
    }

    /** {@code GET /api/v1/mcp-servers}: one page of the catalog. */
    void list(Context ctx, Caller caller) {
        QueryParameters query = QueryParameters.of(ctx, LIST_PARAMETERS);
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<McpServer> result = servers.list(caller, page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(McpServerView::of).toList());
    }

    /** {@code GET /api/v1/mcp-servers/{id}} with its {@code ETag}. */
    void get(Context ctx, Caller caller) {
        McpServer server = servers.get(caller, new McpServerId(PathParameters.uuid(ctx, ID)));
        Preconditions.tag(ctx, server.updatedAt());
        json.respond(ctx, 200, McpServerView.of(server));
    }

    /** {@code PUT /api/v1/mcp-servers/{id}}: changes the fields sent, honouring {@code If-Match}. */
    void update(Context ctx, Caller caller) {
        McpServerId id = new McpServerId(PathParameters.uuid(ctx, ID));
        McpServerInput input = readInput(ctx);
        McpServer updated = servers.update(caller, id, input, Preconditions.expected(ctx));
        Preconditions.tag(ctx, updated.updatedAt());
        json.respond(ctx, 200, McpServerView.of(updated));
    }

    /** {@code DELETE /api/v1/mcp-servers/{id}[?force=true]}: 204 without a body. */
    void delete(Context ctx, Caller caller) {
        McpServerId id = new McpServerId(PathParameters.uuid(ctx, ID));
        boolean force = ToolRoutes.readForce(ctx);
        servers.delete(caller, id, force);
        ctx.status(204);
    }

    private McpServerInput readInput(Context ctx) {
        UpdateFields fields = UpdateFields.of(bodies.readObject(ctx), BODY_FIELDS, json);
        McpServerInput input = new McpServerInput(fields.string("name"), fields.string("description"),
                fields.string("type"), fields.object("config_json"), fields.object("environments"),
                fields.array("tools"));
        fields.throwIfInvalid();
        return input;
    }
}
