package ai.evo.core.http;

import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.client.ClientService;
import java.util.Objects;

/**
 * The application services that the HTTP routes call.
 *
 * @param authentication checks logins
 * @param clients        manages client organizations
 * @param auditLog       reads the audit trail
 */
public record HttpServices(AuthenticationService authentication, ClientService clients, AuditLogService auditLog) {

    public HttpServices {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(auditLog, "auditLog");
    }
}
