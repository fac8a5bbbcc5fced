package ai.evo.core.application.shared;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit snapshots of resources: JSON-compatible maps with the API's snake_case field names. Snapshots leave
 * out secrets such as password hashes.
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
