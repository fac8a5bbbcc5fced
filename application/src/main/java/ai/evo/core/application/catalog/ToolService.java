package ai.evo.core.application.catalog;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.StorableText;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.domain.tool.ToolRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Manages the platform-wide tool catalog. Admins create, update and delete tools; every signed-in user reads
 * them. A tool that agents still use is deleted only on request ({@code force}), and then its references are
 * removed from those agents in the same transaction. Every change writes one audit entry. Thread-safe.
 */
public final class ToolService {
    private static final String RESOURCE = "tool";

    private final Transactions transactions;
    private final ToolRepository tools;
    private final AgentRepository agents;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * Creates the service.
     *
     * @param transactions runs each change atomically with its audit entry
     * @param tools        the tool catalog
     * @param agents       the agent store, to find and update agents that use a tool
     * @param audit        the audit writer
     * @param ids          source of new tool ids
     */
    public ToolService(Transactions transactions, ToolRepository tools, AgentRepository agents, AuditRecorder audit,
                       IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Adds a tool to the catalog. Admins only.
     *
     * @param caller who acts
     * @param input  the fields; {@code name} is required
     * @return the stored tool
     * @throws ai.evo.core.domain.common.ValidationException when a field is invalid
     * @throws ConflictException                             when a tool of that name exists
     */
    public Tool create(Caller caller, ToolInput input) {
        CatalogRules.requireAdmin(caller, "create tools");
        Tool tool = apply(new Tool(new ToolId(ids.newId()), "", null, Map.of(), Map.of(), null, null), input, true);
        return transactions.inTransaction(() -> {
            Tool created = tools.insert(tool);
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.TOOL, created.id().value(), null, null,
                    Snapshots.of(created));
            return created;
        });
    }

    /**
     * Reads one tool. Every signed-in user may.
     *
     * @param caller who acts
     * @param id     the tool
     * @return the tool
     * @throws NotFoundException when no tool has that id
     */
    public Tool get(Caller caller, ToolId id) {
        Objects.requireNonNull(caller, "caller");
        return tools.findById(id).orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /**
     * Lists the catalog in creation order. Every signed-in user may.
     *
     * @param caller who acts
     * @param page   which page to read
     * @return the page
     */
    public Page<Tool> list(Caller caller, PageRequest page) {
        Objects.requireNonNull(caller, "caller");
        return tools.list(page);
    }

    /**
     * Changes a tool. Admins only. Fields left out keep their stored values.
     *
     * @param caller   who acts
     * @param id       the tool
     * @param input    the fields to change
     * @param expected the version the caller read, if it sent one
     * @return the stored tool
     * @throws NotFoundException                                     when no tool has that id
     * @throws ai.evo.core.domain.common.PreconditionFailedException when the tool changed since {@code expected}
     */
    public Tool update(Caller caller, ToolId id, ToolInput input, Optional<EntityTag> expected) {
        CatalogRules.requireAdmin(caller, "change tools");
        return transactions.inTransaction(() -> {
            Tool before = tools.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            EntityTag.require(expected, before.updatedAt(), RESOURCE);
            Tool after = tools.update(apply(before, input, false)).orElseThrow(() -> new NotFoundException(RESOURCE));
            audit.recordChange(caller, AuditAction.UPDATE, ResourceType.TOOL, id.value(), null,
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Deletes a tool. Admins only. When agents still list the tool, the delete is rejected unless {@code force}
     * is set; with {@code force} the tool is removed from those agents' {@code config_json.tools} and the audit
     * entry names them.
     *
     * @param caller who acts
     * @param id     the tool
     * @param force  whether to remove the tool from agents that use it
     * @throws NotFoundException when no tool has that id
     * @throws ConflictException when agents use the tool and {@code force} is false; the message names them
     */
    public void delete(Caller caller, ToolId id, boolean force) {
        CatalogRules.requireAdmin(caller, "delete tools");
        transactions.inTransaction(() -> {
            Tool before = tools.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            List<Agent> users = agents.findByTool(id);
            if (!users.isEmpty() && !force) {
                throw new ConflictException("tool " + before.name() + " is used by " + users.size() + " agent(s): "
                        + CatalogRules.describeUsers(users) + "; remove it from them first, or delete with"
                        + " force=true to remove those references");
            }
            for (Agent user : users) {
                agents.update(CatalogRules.withoutReference(user, "tools", id.toString()));
            }
            tools.delete(id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", Snapshots.of(before));
            details.put("after", null);
            details.put("force", force);
            details.put("references_removed_from", CatalogRules.referenceSummary(users));
            audit.record(caller, AuditAction.DELETE, ResourceType.TOOL, id.value(), null, details);
            return null;
        });
    }

    private static Tool apply(Tool current, ToolInput input, boolean creating) {
        Validator validator = new Validator();
        String name = input.name().orElse(creating ? null : current.name());
        StorableText.required(validator, "name", name, CatalogRules.MAX_NAME_LENGTH);
        String description = StorableText.optional(validator, "description",
                input.description().orElse(current.description()), 0);
        Map<String, Object> config = CatalogRules.jsonObject(validator, "config_json", input.configJson(),
                current.configJson());
        Map<String, Object> environments = CatalogRules.environments(validator, input.environments(),
                current.environments());
        validator.throwIfInvalid();
        return new Tool(current.id(), name, description, config, environments, current.createdAt(),
                current.updatedAt());
    }
}
