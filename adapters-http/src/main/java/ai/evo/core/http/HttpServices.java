package ai.evo.core.http;

import ai.evo.core.application.agent.AgentService;
import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.auth.PasswordService;
import ai.evo.core.application.auth.RegistrationService;
import ai.evo.core.application.catalog.McpServerService;
import ai.evo.core.application.catalog.ToolService;
import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.contact.ContactService;
import ai.evo.core.application.user.UserService;
import java.util.Objects;

/**
 * The application services that the HTTP routes call.
 *
 * @param authentication checks logins and the account state behind each token
 * @param registration   signs up accounts and verifies emails
 * @param passwords      recovers and changes passwords
 * @param users          reads and manages user accounts
 * @param clients        manages client organizations
 * @param auditLog       reads the audit trail
 * @param agents         manages agents
 * @param contacts       manages contacts
 * @param tools          manages the tool catalog
 * @param mcpServers     manages the MCP server catalog
 */
public record HttpServices(AuthenticationService authentication, RegistrationService registration,
                           PasswordService passwords, UserService users, ClientService clients,
                           AuditLogService auditLog, AgentService agents, ContactService contacts,
                           ToolService tools, McpServerService mcpServers) {

    public HttpServices {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(mcpServers, "mcpServers");
    }
}
