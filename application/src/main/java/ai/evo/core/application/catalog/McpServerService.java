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
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Manages the platform-wide catalog of MCP servers. Admins create, update and delete servers; every signed-in
 * user reads them. A server that agents still use is deleted only on request ({@code force}), and then its references
 * are removed from those agents in the same transaction. Every change writes one audit entry. Thread-safe.
 */
public final class McpServerService {
    private static final String RESOURCE = "MCP server";
    private static final Set<String> TYPES = Set.of("official", "community");

    private final Transactions transactions;
    private final McpServerRepository servers;
    private final AgentRepository agents;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * Creates the service.
     *
     * @param transactions runs each change atomically with its audit entry
     * @param servers      the MCP server catalog
     * @param agents       the agent store, to find and update agents that use a server
     * @param audit        the audit writer
     * @param ids          source of new server ids
     */
    public McpServerService(Transactions transactions, McpServerRepository servers, AgentRepository agents,
                            AuditRecorder audit, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Adds an MCP server to the catalog. Admins only.
     *
     * @param caller who acts
     * @param input  the fields; {@code name} and {@code type} are required
     * @return the stored server
     * @throws ai.evo.core.domain.common.ValidationException when a field is invalid
     * @throws ConflictException                             when a server of that name exists
     */
    public McpServer create(Caller caller, McpServerInput input) {
        CatalogRules.requireAdmin(caller, "create MCP servers");
        McpServer server = apply(new McpServer(new McpServerId(ids.newId()), "", null, Map.of(), Map.of(), List.of(),
                "", null, null), input, true);
        return transactions.inTransaction(() -> {
            McpServer created = servers.insert(server);
            audit.recordChange(caller, AuditAction.CREATE, ResourceType.MCP_SERVER, created.id().value(), null, null,
                    Snapshots.of(created));
            return created;
        });
    }

    /**
     * Reads one MCP server. Every signed-in user may.
     *
     * @param caller who acts
     * @param id     the server
     * @return the server
     * @throws NotFoundException when no server has that id
     */
    public McpServer get(Caller caller, McpServerId id) {
        Objects.requireNonNull(caller, "caller");
        return servers.findById(id).orElseThrow(() -> new NotFoundException(RESOURCE));
    }

    /**
     * Lists the catalog in creation order. Every signed-in user may.
     *
     * @param caller who acts
     * @param page   which page to read
     * @return the page
     */
    public Page<McpServer> list(Caller caller, PageRequest page) {
        Objects.requireNonNull(caller, "caller");
        return servers.list(page);
    }

    /**
     * Changes an MCP server. Admins only. Fields left out keep their stored values.
     *
     * @param caller   who acts
     * @param id       the server
     * @param input    the fields to change
     * @param expected the version the caller read, if it sent one
     * @return the stored server
     * @throws NotFoundException                                     when no server has that id
     * @throws ai.evo.core.domain.common.PreconditionFailedException when the server changed since {@code expected}
     */
    public McpServer update(Caller caller, McpServerId id, McpServerInput input, Optional<EntityTag> expected) {
        CatalogRules.requireAdmin(caller, "change MCP servers");
        return transactions.inTransaction(() -> {
            McpServer before = servers.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            EntityTag.require(expected, before.updatedAt(), RESOURCE);
            McpServer after = servers.update(apply(before, input, false)).orElseThrow(() -> new NotFoundException(RESOURCE));
            audit.recordChange(caller, AuditAction.UPDATE, ResourceType.MCP_SERVER, id.value(), null,
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Deletes an MCP server. Admins only. When agents still list the server, the delete is rejected unless
     * {@code force} is set; with {@code force} the server is removed from those agents'
     * {@code config_json.mcp_servers} and the audit entry names them.
     *
     * @param caller who acts
     * @param id     the server
     * @param force  whether to remove the server from agents that use it
     * @throws NotFoundException when no server has that id
     * @throws ConflictException when agents use the server and {@code force} is false; the message names them
     */
    public void delete(Caller caller, McpServerId id, boolean force) {
        CatalogRules.requireAdmin(caller, "delete MCP servers");
        transactions.inTransaction(() -> {
            McpServer before = servers.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(RESOURCE));
            List<Agent> users = agents.findByMcpServer(id);
            if (!users.isEmpty() && !force) {
                throw new ConflictException("MCP server " + before.name() + " is used by " + users.size() + " agent(s): "
                        + CatalogRules.describeUsers(users) + "; remove it from them first, or delete with"
                        + " force=true to remove those references");
            }
            for (Agent user : users) {
                agents.update(CatalogRules.withoutReference(user, "mcp_servers", id.toString()));
            }
            servers.delete(id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", Snapshots.of(before));
            details.put("after", null);
            details.put("force", force);
            details.put("references_removed_from", CatalogRules.referenceSummary(users));
            audit.record(caller, AuditAction.DELETE, ResourceType.MCP_SERVER, id.value(), null, details);
            return null;
        });
    }

    private static McpServer apply(McpServer current, McpServerInput input, boolean creating) {
        Validator validator = new Validator();
        String name = input.name().orElse(creating ? null : current.name());
        StorableText.required(validator, "name", name, CatalogRules.MAX_NAME_LENGTH);
        String description = StorableText.optional(validator, "description",
                input.description().orElse(current.description()), 0);
        Map<String, Object> config = CatalogRules.jsonObject(validator, "config_json", input.configJson(),
                current.configJson());
        Map<String, Object> environments = CatalogRules.environments(validator, input.environments(),
                current.environments());
        String type = readType(validator, input.type().orElse(creating ? null : current.type()));
        List<Object> offered = readTools(validator, input.tools().isPresent() && input.tools().value() == null
                ? null : input.tools().orElse(current.tools()));
        validator.throwIfInvalid();
        return new McpServer(current.id(), name, description, config, environments, offered, type,
                current.createdAt(), current.updatedAt());
    }

    private static String readType(Validator validator, String type) {
        if (type == null) {
            validator.reject("type", "is required: official or community");
            return "";
        }
        String normalized = type.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(normalized)) {
            validator.reject("type", "must be official or community");
        }
        return normalized;
    }

    private static List<Object> readTools(Validator validator, List<Object> tools) {
        if (tools == null) {
            validator.reject("tools", "must be a list of tool names or {\"name\": ...} objects; send [] for none");
            return List.of();
        }
        StorableText.json(validator, "tools", tools);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String field = "tools[" + i + "]";
            Object item = tools.get(i);
            String name = item instanceof String text ? text
                    : item instanceof Map<?, ?> map && map.get("name") instanceof String text ? text : null;
            if (name == null || name.isBlank()) {
                validator.reject(field, "must be a tool name or an object with a non-empty string name");
            } else if (!seen.add(name)) {
                validator.reject(field, "repeats the tool name " + name + "; list each tool once");
            }
        }
        return tools;
    }
}
