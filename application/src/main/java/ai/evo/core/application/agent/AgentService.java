package ai.evo.core.application.agent;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.application.shared.TenantScope;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentConfig;
import ai.evo.core.domain.agent.AgentConfigRules;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentQuery;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.agent.AgentSecrets;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.Secret;
import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.UnprocessableException;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import ai.evo.core.domain.tool.ToolRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Manages agents. A client user manages its own client's agents; an admin manages any client's. Another
 * client's agent gets the same NotFoundException as a missing one.
 *
 * <p>Input is checked in two stages: the shape of every field (400, {@link ValidationException}), then every
 * reference against the stores (422, {@link UnprocessableException}). Writes that change a client's agent graph
 * lock the client's row first, so two concurrent updates cannot each pass the cycle check and together close a
 * cycle, and a sub-agent cannot be deleted while another agent starts to use it. Every change writes one audit
 * entry with the API key and env values masked. Thread-safe.
 */
public final class AgentService {
    /** Maximum name length, matching the {@code varchar(255)} column. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Maximum model name length, matching the {@code varchar(255)} column. */
    public static final int MAX_MODEL_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final String RESOURCE = "agent";
    private static final String CLIENT = "client";

    private final Transactions transactions;
    private final AgentRepository agents;
    private final ClientRepository clients;
    private final TenantScope scope;
    private final AgentReferences references;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * Creates the service.
     *
     * @param transactions runs each change atomically with its audit entry
     * @param agents       the agent store
     * @param clients      the client store, to check and lock the owning client
     * @param tools        the tool catalog, to check references
     * @param servers      the MCP server catalog, to check references
     * @param audit        the audit writer
     * @param ids          source of new agent ids
     */
    public AgentService(Transactions transactions, AgentRepository agents, ClientRepository clients,
                        ToolRepository tools, McpServerRepository servers, AuditRecorder audit, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.scope = new TenantScope(clients);
        this.references = new AgentReferences(agents, tools, servers);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates an agent.
     *
     * @param caller who acts
     * @param input  the fields; {@code name} and {@code type} are required, and {@code model} and
     *               {@code api_key} for {@code llm} agents
     * @return the stored agent
     * @throws ValidationException    when a field is malformed
     * @throws UnprocessableException when the config refers to something missing, or would close a cycle
     * @throws NotFoundException      when the client does not exist or the caller may not see it
     * @throws ConflictException      when the client has an agent of that name
     */
    public Agent create(Caller caller, AgentInput input) {
        ClientId clientId = scope.forCreate(caller, input.clientId());
        Agent blank = new Agent(new AgentId(ids.newId()), clientId, "", null, AgentType.LLM, null, null, null,
                Map.of(), null, null);
        Checked checked = apply(blank, input, true);
        return transactions.inTransaction(() -> {
            clients.findByIdForUpdate(clientId).orElseThrow(() -> new NotFoundException(CLIENT));
            requireReferences(checked);
            Agent created = agents.insert(checked.agent());
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.AGENT, created.id().value(), clientId, null,
                    Snapshots.of(created));
            return created;
        });
    }

    /**
     * Reads one agent.
     *
     * @param caller who acts
     * @param id     the agent
     * @return the agent
     * @throws NotFoundException when it does not exist or belongs to a client the caller may not see
     */
    public Agent get(Caller caller, AgentId id) {
        ClientId owner = ownerVisibleTo(caller, id);
        return agents.findById(owner, id).orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /**
     * Lists the agents the caller may see that match a filter, in creation order. {@code client_id} values
     * naming clients the caller may not see match nothing, so a mixed filter returns only the caller's own rows.
     *
     * @param caller who acts
     * @param filter the filters sent
     * @param page   which page to read
     * @return the page
     * @throws ValidationException when the type is unknown or the name prefix cannot be stored
     */
    public Page<Agent> list(Caller caller, AgentFilter filter, PageRequest page) {
        Validator validator = new Validator();
        Optional<AgentType> type = filter.type().map(name -> AgentType.fromWireName(name).orElseGet(() -> {
            validator.reject("type", "must be one of llm, sequential, parallel, loop");
            return null;
        }));
        filter.namePrefix().ifPresent(prefix -> StorableText.optional(validator, "name_prefix", prefix,
                MAX_NAME_LENGTH));
        validator.throwIfInvalid();
        Optional<Set<ClientId>> visible = scope.forListing(caller, filter.clientIds());
        if (visible.isPresent() && visible.get().isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        return agents.list(new AgentQuery(visible, type, filter.namePrefix()), page);
    }

    /**
     * Changes an agent. Fields left out keep their stored values.
     *
     * @param caller   who acts
     * @param id       the agent
     * @param input    the fields to change; a {@code client_id} other than the agent's is rejected
     * @param expected the version the caller read, if it sent one
     * @return the stored agent
     * @throws NotFoundException                                     when the agent, or a client named in the body,
     *                                                               is missing or not visible to the caller
     * @throws ai.evo.core.domain.common.PreconditionFailedException when the agent changed since {@code expected}
     * @throws ValidationException                                   when a field is malformed
     * @throws UnprocessableException                                when a reference is broken or a cycle would form
     */
    public Agent update(Caller caller, AgentId id, AgentInput input, Optional<EntityTag> expected) {
        ClientId owner = ownerVisibleTo(caller, id);
        return transactions.inTransaction(() -> {
            clients.findByIdForUpdate(owner).orElseThrow(() -> new NotFoundException(RESOURCE));
            Agent before = agents.findByIdForUpdate(owner, id).orElseThrow(() -> new NotFoundException(RESOURCE));
            scope.requireUnchanged(caller, input.clientId(), owner);
            EntityTag.require(expected, before.updatedAt(), RESOURCE);
            Checked checked = apply(before, input, false);
            requireReferences(checked);
            Agent after = agents.update(checked.agent()).orElseThrow(() -> new NotFoundException(RESOURCE));
            audit.recordChange(caller, AuditAction.UPDATE, ResourceType.AGENT, id.value(), owner,
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Deletes an agent and, through the store, its conversations.
     *
     * @param caller who acts
     * @param id     the agent
     * @throws NotFoundException when it does not exist or the caller may not see it
     * @throws ConflictException when other agents use it as a sub-agent; the message names them
     */
    public void delete(Caller caller, AgentId id) {
        ClientId owner = ownerVisibleTo(caller, id);
        transactions.inTransaction(() -> {
            clients.findByIdForUpdate(owner).orElseThrow(() -> new NotFoundException(RESOURCE));
            Agent before = agents.findByIdForUpdate(owner, id).orElseThrow(() -> new NotFoundException(RESOURCE));
            List<Agent> users = agents.findBySubAgent(owner, id).stream()
                    .filter(user -> !user.id().equals(id))
                    .toList();
            if (!users.isEmpty()) {
                throw new ConflictException("agent " + before.name() + " is a sub-agent of "
                        + users.stream().map(user -> user.name() + " (id " + user.id() + ")")
                        .collect(Collectors.joining(", "))
                        + "; remove it from their config_json.sub_agents first");
            }
            agents.delete(owner, id);
            audit.recordChange(caller, AuditAction.DELETE, ResourceType.AGENT, id.value(), owner,
                    Snapshots.of(before), null);
            return null;
        });
    }

    private ClientId ownerVisibleTo(Caller caller, AgentId id) {
        if (caller.admin()) {
            return agents.findOwner(id).orElseThrow(() -> new NotFoundException(RESOURCE));
        }
        return caller.client().orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    private void requireReferences(Checked checked) {
        Agent agent = checked.agent();
        List<FieldError> errors = references.check(agent.clientId(), agent.id(), agent.name(), checked.config());
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
    }

    /** An agent whose fields passed the shape checks, with the references read from its config. */
    private record Checked(Agent agent, AgentConfig config) {
    }

    private static Checked apply(Agent current, AgentInput input, boolean creating) {
        Validator validator = new Validator();
        String name = input.name().orElse(creating ? null : current.name());
        StorableText.required(validator, "name", name, MAX_NAME_LENGTH);
        if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
            validator.reject("name", "must contain only letters, digits, _ and -, such as support_bot-2");
        }
        String description = StorableText.optional(validator, "description",
                input.description().orElse(current.description()), 0);
        AgentType type = readType(validator, input.type(), creating ? null : current.type());
        String model = StorableText.optional(validator, "model", input.model().orElse(current.model()),
                MAX_MODEL_LENGTH);
        Secret apiKey = readApiKey(validator, input.apiKey(), current.apiKey());
        String instruction = StorableText.optional(validator, "instruction",
                input.instruction().orElse(current.instruction()), 0);
        Map<String, Object> config = readConfig(validator, input.configJson(), current.configJson());
        AgentConfig references = type == null ? null : AgentConfigRules.read(validator, type, config);
        if (type == AgentType.LLM) {
            if (model == null || model.isBlank()) {
                validator.reject("model", "is required for llm agents, such as gpt-4o");
            }
            if (apiKey == null && !(input.apiKey().value() instanceof String)) {
                validator.reject("api_key", "is required for llm agents: the model provider's API key");
            }
        }
        validator.throwIfInvalid();
        Agent agent = new Agent(current.id(), current.clientId(), name, description, type, model, apiKey,
                instruction, config, current.createdAt(), current.updatedAt());
        return new Checked(agent, references);
    }

    private static AgentType readType(Validator validator, FieldUpdate<String> update, AgentType current) {
        String wireName = update.orElse(current == null ? null : current.wireName());
        if (wireName == null) {
            validator.reject("type", "is required: one of llm, sequential, parallel, loop");
            return null;
        }
        Optional<AgentType> type = AgentType.fromWireName(wireName);
        if (type.isEmpty()) {
            validator.reject("type", "must be one of llm, sequential, parallel, loop");
        }
        return type.orElse(null);
    }

    private static Secret readApiKey(Validator validator, FieldUpdate<String> update, Secret current) {
        if (!update.isPresent()) {
            return current;
        }
        String sent = update.value();
        if (sent == null) {
            return null;
        }
        if (current != null && sent.equals(current.masked())) {
            return current;
        }
        String checked = SecretValues.check(validator, "api_key", sent);
        return checked == null ? current : Secret.of(checked);
    }

    private static Map<String, Object> readConfig(Validator validator, FieldUpdate<Map<String, Object>> update,
                                                  Map<String, Object> current) {
        if (!update.isPresent()) {
            return current;
        }
        if (update.value() == null) {
            validator.reject("config_json", "must be an object; send {} for none");
            return current;
        }
        return AgentSecrets.merge(current, update.value());
    }
}
