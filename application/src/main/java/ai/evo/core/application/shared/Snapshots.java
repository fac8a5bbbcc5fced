package ai.evo.core.application.shared;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentSecrets;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.SecretValues;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit snapshots of resources: JSON-compatible maps with the API's snake_case field names. Snapshots leave
 * out password hashes and show every other secret (API keys, environment values) only as its mask.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * Snapshots a client.
     *
     * @param client the client
     * @return its fields
     */
    public static Map<String, Object> of(Client client) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", client.id().toString());
        snapshot.put("name", client.details().name());
        snapshot.put("email", client.details().email().value());
        snapshot.put("created_at", client.createdAt().toString());
        snapshot.put("updated_at", client.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots a user without its password hash.
     *
     * @param user the user
     * @return its fields
     */
    public static Map<String, Object> of(User user) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", user.id().toString());
        snapshot.put("email", user.email().value());
        snapshot.put("client_id", user.clientId() == null ? null : user.clientId().toString());
        snapshot.put("is_active", user.active());
        snapshot.put("email_verified", user.emailVerified());
        snapshot.put("is_admin", user.admin());
        snapshot.put("failed_login_attempts", user.failedLoginAttempts());
        snapshot.put("locked_until", user.lockedUntil() == null ? null : user.lockedUntil().toString());
        snapshot.put("created_at", user.createdAt().toString());
        snapshot.put("updated_at", user.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots an agent with its API key and env values masked.
     *
     * @param agent the agent
     * @return its fields
     */
    public static Map<String, Object> of(Agent agent) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", agent.id().toString());
        snapshot.put("client_id", agent.clientId().toString());
        snapshot.put("name", agent.name());
        snapshot.put("description", agent.description());
        snapshot.put("type", agent.type().wireName());
        snapshot.put("model", agent.model());
        snapshot.put("api_key", agent.apiKey() == null ? null : agent.apiKey().masked());
        snapshot.put("api_key_set", agent.apiKey() != null);
        snapshot.put("instruction", agent.instruction());
        snapshot.put("config_json", AgentSecrets.masked(agent.configJson()));
        snapshot.put("created_at", agent.createdAt().toString());
        snapshot.put("updated_at", agent.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots a catalog tool with its environment values masked.
     *
     * @param tool the tool
     * @return its fields
     */
    public static Map<String, Object> of(Tool tool) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", tool.id().toString());
        snapshot.put("name", tool.name());
        snapshot.put("description", tool.description());
        snapshot.put("config_json", tool.configJson());
        snapshot.put("environments", SecretValues.masked(tool.environments()));
        snapshot.put("created_at", tool.createdAt().toString());
        snapshot.put("updated_at", tool.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots an MCP server with its environment values masked.
     *
     * @param server the server
     * @return its fields
     */
    public static Map<String, Object> of(McpServer server) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", server.id().toString());
        snapshot.put("name", server.name());
        snapshot.put("description", server.description());
        snapshot.put("type", server.type());
        snapshot.put("config_json", server.configJson());
        snapshot.put("environments", SecretValues.masked(server.environments()));
        snapshot.put("tools", server.tools());
        snapshot.put("created_at", server.createdAt().toString());
        snapshot.put("updated_at", server.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots a contact.
     *
     * @param contact the contact
     * @return its fields
     */
    public static Map<String, Object> of(Contact contact) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", contact.id().toString());
        snapshot.put("client_id", contact.clientId().toString());
        snapshot.put("ext_id", contact.extId());
        snapshot.put("name", contact.name());
        snapshot.put("meta", contact.meta());
        snapshot.put("created_at", contact.createdAt().toString());
        snapshot.put("updated_at", contact.updatedAt().toString());
        return snapshot;
    }

    /**
     * Snapshots a conversation without its text: the audit trail outlives the contact, whose deletion must
     * erase what the contact wrote, so only ids, sizes and meta keys are kept.
     *
     * @param conversation the conversation
     * @return its ids, the lengths of message and response, and the names of its meta attributes
     */
    public static Map<String, Object> of(Conversation conversation) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", conversation.id().toString());
        snapshot.put("agent_id", conversation.agentId().toString());
        snapshot.put("contact_id", conversation.contactId().toString());
        snapshot.put("message_length", conversation.message().length());
        snapshot.put("response_length", conversation.response().length());
        snapshot.put("meta_keys", List.copyOf(conversation.meta().keySet()));
        snapshot.put("created_at", conversation.createdAt() == null ? null : conversation.createdAt().toString());
        return snapshot;
    }
}
