package ai.evo.core.http;

import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.conversation.ConversationService;
import ai.evo.core.application.idempotency.IdempotentRequests;
import java.util.Objects;

/**
 * The application services that the HTTP routes call.
 *
 * @param authentication checks logins
 * @param clients        manages client organizations
 * @param auditLog       reads the audit trail
 * @param conversations  appends, lists and exports conversations
 * @param idempotency    runs writes sent with an {@code Idempotency-Key} once
 */
public record HttpServices(AuthenticationService authentication, ClientService clients, AuditLogService auditLog,
                           ConversationService conversations, IdempotentRequests idempotency) {

    public HttpServices {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(idempotency, "idempotency");
    }
}
