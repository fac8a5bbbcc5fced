package ai.evo.core.http;

import ai.evo.core.application.agent.AgentFilter;
import ai.evo.core.application.agent.AgentInput;
import ai.evo.core.application.agent.AgentService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentConfigRules;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentSecrets;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /api/v1/agents} routes. Tenant checks, reference checks and secret handling are the
 * {@link AgentService}'s. Responses never carry a secret in clear: {@code api_key} is a mask with
 * {@code api_key_set}, and every env value in {@code config_json} is a mask. A stored agent whose config breaks
 * the current rules is still listed, with {@code config_problems} naming each broken rule, and logged.
 */
final class AgentRoutes {
    static final String COLLECTION = "/api/v1/agents";
    static final String ID = "id";

    private static final Logger log = LoggerFactory.getLogger(AgentRoutes.class);
    private static final String CLIENT_ID = "client_id";
    private static final String TYPE = "type";
    private static final String NAME_PREFIX = "name_prefix";
    private static final List<String> BODY_FIELDS = List.of(CLIENT_ID, "name", "description", TYPE, "model",
            "api_key", "instruction", "config_json");
    private static final List<String> LIST_PARAMETERS =
            List.of(CLIENT_ID, TYPE, NAME_PREFIX, Paging.LIMIT, Paging.CURSOR);

    private final AgentService agents;
    private final JsonBodies bodies;
    private final Json json;
    private final Paging paging;

    AgentRoutes(AgentService agents, JsonBodies bodies, Json json, Paging paging) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.paging = Objects.requireNonNull(paging, "paging");
    }

    /** An agent as the API shows it: secrets masked, and the broken config rules of a bad stored row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentView(UUID id,
                     @JsonProperty("client_id") UUID clientId,
                     String name,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String description,
                     String type,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String model,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("api_key") String apiKey,
                     @JsonProperty("api_key_set") boolean apiKeySet,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String instruction,
                     @JsonProperty("config_json") Map<String, Object> configJson,
                     @JsonProperty("config_problems") List<FieldError> configProblems,
                     @JsonProperty("created_at") Instant createdAt,
                     @JsonProperty("updated_at") Instant updatedAt) {

        static AgentView of(Agent agent) {
            List<FieldError> problems = configProblems(agent);
            if (!problems.isEmpty()) {
                log.warn("Stored agent {} of client {} breaks {} config rule(s), first at {}; it is returned with"
                        + " config_problems until someone updates it", agent.id(), agent.clientId(), problems.size(),
                        problems.get(0).field());
            }
            return new AgentView(agent.id().value(), agent.clientId().value(), agent.name(), agent.description(),
                    agent.type().wireName(), agent.model(), agent.apiKey() == null ? null : agent.apiKey().masked(),
                    agent.apiKey() != null, agent.instruction(), AgentSecrets.masked(agent.configJson()),
                    problems.isEmpty() ? null : problems, agent.createdAt(), agent.updatedAt());
        }

        private static List<FieldError> configProblems(Agent agent) {
            Validator validator = new Validator();
            AgentConfigRules.read(validator, agent.type(), agent.configJson());
            try {
                validator.throwIfInvalid();
                return List.of();
            } catch (ValidationException e) {
                return e.errors();
            }
        }
    }

    /** {@code POST /api/v1/agents}: 201 with the agent, its {@code Location} and {@code ETag}. */
    void create(Context ctx, Caller caller) {
        Agent created = agents.create(caller, readInput(ctx));
        ctx.header("Location", COLLECTION + "/" + created.id());
        Preconditions.tag(ctx, created.updatedAt());
        json.respond(ctx, 201, AgentView.of(created));
    }

    /**
     * {@code GET /api/v1/agents}: one page of the agents the caller may see. {@code client_id} may repeat; values
     * naming clients the caller may not see match nothing.
     */
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
        AgentFilter filter = new AgentFilter(clientIds, query.text(TYPE), query.text(NAME_PREFIX));
        PageRequest page = paging.pageRequest(query);
        query.throwIfInvalid();

        Page<Agent> result = agents.list(caller, filter, page);
        paging.linkNextPage(ctx, query, result.next());
        json.respond(ctx, 200, result.items().stream().map(AgentView::of).toList());
    }

    /** {@code GET /api/v1/agents/{id}} with its {@code ETag}. */
    void get(Context ctx, Caller caller) {
        Agent agent = agents.get(caller, new AgentId(PathParameters.uuid(ctx, ID)));
        Preconditions.tag(ctx, agent.updatedAt());
        json.respond(ctx, 200, AgentView.of(agent));
    }

    /** {@code PUT /api/v1/agents/{id}}: changes the fields sent, honouring {@code If-Match}. */
    void update(Context ctx, Caller caller) {
        AgentId id = new AgentId(PathParameters.uuid(ctx, ID));
        AgentInput input = readInput(ctx);
        Agent updated = agents.update(caller, id, input, Preconditions.expected(ctx));
        Preconditions.tag(ctx, updated.updatedAt());
        json.respond(ctx, 200, AgentView.of(updated));
    }

    /** {@code DELETE /api/v1/agents/{id}}: 204 without a body. */
    void delete(Context ctx, Caller caller) {
        agents.delete(caller, new AgentId(PathParameters.uuid(ctx, ID)));
        ctx.status(204);
    }

    private AgentInput readInput(Context ctx) {
        UpdateFields fields = UpdateFields.of(bodies.readObject(ctx), BODY_FIELDS, json);
        AgentInput input = new AgentInput(fields.uuid(CLIENT_ID).map(ClientId::new), fields.string("name"),
                fields.string("description"), fields.string(TYPE), fields.string("model"), fields.string("api_key"),
                fields.string("instruction"), fields.object("config_json"));
        fields.throwIfInvalid();
        return input;
    }
}
