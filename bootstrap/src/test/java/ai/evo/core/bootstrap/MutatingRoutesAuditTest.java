package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.persistence.PostgresPersistence;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.mcpserver.McpServer;
import ai.evo.core.domain.mcpserver.McpServerId;
import ai.evo.core.domain.tool.Tool;
import ai.evo.core.domain.tool.ToolId;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.OneTimeToken;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every mutating operation (POST, PUT, PATCH, DELETE) of the service's own OpenAPI document, calls it once
 * successfully, and checks that exactly one audit row was written with the expected action and resource type.
 * An operation without a recipe here fails the test, so a new route cannot skip its audit row unnoticed.
 */
class MutatingRoutesAuditTest {
    private static final Set<String> MUTATING = Set.of("post", "put", "patch", "delete");
    private static final IdGenerator IDS = new TimeOrderedIdGenerator(Clock.systemUTC());

    private static ServiceOnTestDatabase running;
    private static PostgresPersistence persistence;
    private static String admin;
    private static String llmAgentId;

    /**
     * One successful call of an operation and the audit row it must write.
     *
     * @param call           sends the request and returns the response
     * @param expectedStatus the success status
     * @param auditRows      audit rows the call must add
     * @param action         the action of the row, when one is expected
     * @param resourceType   the resource type of the row, when one is expected
     */
    private record Recipe(Function<String, HttpResponse<String>> call, int expectedStatus, int auditRows,
                          String action, String resourceType) {
    }

    @BeforeAll
    static void startService() {
        running = ServiceOnTestDatabase.start();
        persistence = running.database.persistence();
        admin = running.adminToken();
        HttpResponse<String> agent = running.post("/api/v1/agents", admin, "{\"client_id\":\"" + client().id()
                + "\",\"name\":\"edited_agent\",\"type\":\"llm\",\"model\":\"m\",\"api_key\":\"sk-audit-0000\"}");
        llmAgentId = ServiceOnTestDatabase.json(agent).get("id").asText();
    }

    @AfterAll
    static void stopService() {
        running.close();
    }

    private static Client client() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return persistence.clients().insert(new ClientId(IDS.newId()),
                ClientDetails.of("Audited " + suffix, "audited-" + suffix + "@example.test"));
    }

    private static String conversationBody(Client client) {
        Agent agent = persistence.agents().insert(new Agent(new AgentId(IDS.newId()), client.id(),
                "agent-" + UUID.randomUUID(), null, AgentType.LLM, "model-x", null, null, Map.of(), null, null));
        Contact contact = persistence.contacts().insert(new Contact(new ContactId(IDS.newId()), client.id(), null,
                "Contact", Map.of(), null, null));
        return "\"agent_id\":\"" + agent.id() + "\",\"contact_id\":\"" + contact.id()
                + "\",\"message\":\"hello\",\"response\":\"hi\"";
    }

    private static final String STRONG = "seven purple ducks argue loudly";

    /** Inserts a user straight into the database, so the setup writes no audit row of its own. */
    private static User user(ClientId clientId, boolean active) {
        return persistence.users().insert(new NewUser(new UserId(IDS.newId()),
                EmailAddress.parse("email", "audited-" + UUID.randomUUID() + "@example.test"),
                persistence.passwordHasher().hash(STRONG), clientId, active, active, false));
    }

    private static Tool tool() {
        return persistence.tools().insert(new Tool(new ToolId(IDS.newId()), "tool-" + UUID.randomUUID(), null,
                Map.of(), Map.of(), null, null));
    }

    private static McpServer mcpServer() {
        return persistence.mcpServers().insert(new McpServer(new McpServerId(IDS.newId()), "mcp-" + UUID.randomUUID(),
                null, Map.of(), Map.of(), List.of(), "community", null, null));
    }

    private static Agent agent(Client client) {
        return persistence.agents().insert(new Agent(new AgentId(IDS.newId()), client.id(),
                "agent-" + UUID.randomUUID(), null, AgentType.LLM, "model-x", null, null, Map.of(), null, null));
    }

    private static Contact contact(Client client) {
        return persistence.contacts().insert(new Contact(new ContactId(IDS.newId()), client.id(), null, "Contact",
                Map.of(), null, null));
    }

    private static String login(String email) {
        HttpResponse<String> response = running.post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + STRONG + "\"}");
        assertThat(response.statusCode()).as("login of %s: %s", email, response.body()).isEqualTo(200);
        return ServiceOnTestDatabase.json(response).get("access_token").asText();
    }

    private static String withId(String path, Object id) {
        return path.replace("{id}", id.toString());
    }

    /** Recipes of the account, user, catalog and workspace routes. */
    private static void addIdentityRecipes(Map<String, Recipe> recipes) {
        recipes.put("POST /api/v1/auth/register", new Recipe(path -> running.post(path, null,
                "{\"email\":\"signup-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + STRONG
                        + "\",\"name\":\"Signup " + UUID.randomUUID() + "\"}"), 201, 1, "CREATE", "USER"));
        recipes.put("POST /api/v1/auth/resend-verification", new Recipe(path -> running.post(path, null,
                "{\"email\":\"" + user(client().id(), false).email() + "\"}"), 202, 1, "EMAIL_VERIFICATION_SENT",
                "USER"));
        recipes.put("POST /api/v1/auth/forgot-password", new Recipe(path -> running.post(path, null,
                "{\"email\":\"" + user(client().id(), true).email() + "\"}"), 202, 1, "PASSWORD_RESET_REQUESTED",
                "USER"));
        recipes.put("POST /api/v1/auth/reset-password", new Recipe(path -> {
            User user = user(client().id(), true);
            OneTimeToken token = OneTimeToken.generate();
            Instant now = Instant.now();
            persistence.oneTimeTokens().issue(IDS.newId(), user.id(), OneTimeTokenPurpose.PASSWORD_RESET, token.hash(),
                    now.plusSeconds(3600), now);
            return running.post(path, null, "{\"token\":\"" + token.value()
                    + "\",\"new_password\":\"another strong passphrase here\"}");
        }, 204, 1, "PASSWORD_RESET", "USER"));
        recipes.put("POST /api/v1/auth/change-password", new Recipe(path -> {
            User user = user(client().id(), true);
            String token = login(user.email().value());
            return running.post(path, token, "{\"current_password\":\"" + STRONG
                    + "\",\"new_password\":\"another strong passphrase here\"}");
        }, 204, 1, "PASSWORD_CHANGED", "USER"));
        recipes.put("POST /api/v1/clients/{id}/users", new Recipe(path -> running.post(withId(path, client().id()),
                admin, "{\"email\":\"member-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + STRONG + "\"}"),
                201, 1, "CREATE", "USER"));
        recipes.put("POST /api/v1/admin/users", new Recipe(path -> running.post(path, admin,
                "{\"email\":\"admin-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + STRONG + "\"}"),
                201, 1, "CREATE", "USER"));
        recipes.put("DELETE /api/v1/admin/users/{id}", new Recipe(path -> running.send("DELETE",
                withId(path, user(client().id(), true).id()), admin, null, Map.of()), 204, 1, "UPDATE", "USER"));
        recipes.put("POST /api/v1/admin/users/{id}/unlock", new Recipe(path -> running.post(
                withId(path, user(client().id(), true).id()), admin, null), 200, 1, "ACCOUNT_UNLOCKED", "USER"));
    }

    private static void addWorkspaceRecipes(Map<String, Recipe> recipes) {
        recipes.put("POST /api/v1/tools", new Recipe(path -> running.post(path, admin,
                "{\"name\":\"tool-" + UUID.randomUUID() + "\"}"), 201, 1, "CREATE", "TOOL"));
        recipes.put("PUT /api/v1/tools/{id}", new Recipe(path -> running.send("PUT", withId(path, tool().id()), admin,
                "{\"description\":\"Changed\"}", Map.of()), 200, 1, "UPDATE", "TOOL"));
        recipes.put("DELETE /api/v1/tools/{id}", new Recipe(path -> running.send("DELETE", withId(path, tool().id()),
                admin, null, Map.of()), 204, 1, "DELETE", "TOOL"));
        recipes.put("POST /api/v1/mcp-servers", new Recipe(path -> running.post(path, admin,
                "{\"name\":\"mcp-" + UUID.randomUUID() + "\",\"type\":\"official\"}"), 201, 1, "CREATE", "MCP_SERVER"));
        recipes.put("PUT /api/v1/mcp-servers/{id}", new Recipe(path -> running.send("PUT",
                withId(path, mcpServer().id()), admin, "{\"description\":\"Changed\"}", Map.of()), 200, 1, "UPDATE",
                "MCP_SERVER"));
        recipes.put("DELETE /api/v1/mcp-servers/{id}", new Recipe(path -> running.send("DELETE",
                withId(path, mcpServer().id()), admin, null, Map.of()), 204, 1, "DELETE", "MCP_SERVER"));
        recipes.put("POST /api/v1/agents", new Recipe(path -> running.post(path, admin, "{\"client_id\":\""
                + client().id() + "\",\"name\":\"agent_" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"type\":\"llm\",\"model\":\"m\",\"api_key\":\"sk-audit-0000\"}"), 201, 1, "CREATE", "AGENT"));
        // The agent comes through the API, because the service's secrets keyset must encrypt its API key.
        recipes.put("PUT /api/v1/agents/{id}", new Recipe(path -> running.send("PUT", withId(path, llmAgentId),
                admin, "{\"description\":\"Changed\"}", Map.of()), 200, 1, "UPDATE", "AGENT"));
        recipes.put("DELETE /api/v1/agents/{id}", new Recipe(path -> running.send("DELETE",
                withId(path, agent(client()).id()), admin, null, Map.of()), 204, 1, "DELETE", "AGENT"));
        recipes.put("POST /api/v1/contacts", new Recipe(path -> running.post(path, admin, "{\"client_id\":\""
                + client().id() + "\",\"name\":\"Ana\"}"), 201, 1, "CREATE", "CONTACT"));
        recipes.put("PUT /api/v1/contacts/{id}", new Recipe(path -> running.send("PUT",
                withId(path, contact(client()).id()), admin, "{\"name\":\"Renamed\"}", Map.of()), 200, 1, "UPDATE",
                "CONTACT"));
        recipes.put("DELETE /api/v1/contacts/{id}", new Recipe(path -> running.send("DELETE",
                withId(path, contact(client()).id()), admin, null, Map.of()), 204, 1, "DELETE", "CONTACT"));
        recipes.put("PUT /api/v1/contacts/by-ext-id/{ext_id}", new Recipe(path -> running.send("PUT",
                path.replace("{ext_id}", "channel-" + UUID.randomUUID()), admin, "{\"client_id\":\"" + client().id()
                        + "\",\"name\":\"Channel contact\"}", Map.of()), 201, 1, "CREATE", "CONTACT"));
    }

    private static Map<String, Recipe> recipes() {
        Map<String, Recipe> recipes = new TreeMap<>();
        // A successful login changes no stored resource and writes no row; a failed one writes LOGIN_FAILED.
        recipes.put("POST /api/v1/auth/login", new Recipe(path -> running.post(path, null,
                "{\"email\":\"" + ServiceOnTestDatabase.ADMIN_EMAIL + "\",\"password\":\"wrong password entirely\"}"),
                401, 1, "LOGIN_FAILED", "USER"));
        recipes.put("POST /api/v1/clients", new Recipe(path -> running.post(path, admin,
                "{\"name\":\"Created by test\",\"email\":\"created-" + UUID.randomUUID() + "@example.test\"}"),
                201, 1, "CREATE", "CLIENT"));
        recipes.put("PUT /api/v1/clients/{id}", new Recipe(path -> running.send("PUT",
                path.replace("{id}", client().id().toString()), admin,
                "{\"name\":\"Renamed\",\"email\":\"renamed-" + UUID.randomUUID() + "@example.test\"}", Map.of()),
                200, 1, "UPDATE", "CLIENT"));
        recipes.put("DELETE /api/v1/clients/{id}", new Recipe(path -> running.send("DELETE",
                path.replace("{id}", client().id().toString()), admin, null, Map.of()),
                204, 1, "DELETE", "CLIENT"));
        recipes.put("POST /api/v1/conversations", new Recipe(path -> {
            Client client = client();
            return running.post(path, admin, "{\"client_id\":\"" + client.id() + "\"," + conversationBody(client) + "}");
        }, 201, 1, "CREATE", "CONVERSATION"));
        recipes.put("POST /api/v1/conversations/batch", new Recipe(path -> {
            Client client = client();
            String item = "{" + conversationBody(client) + "}";
            return running.post(path, admin, "{\"client_id\":\"" + client.id() + "\",\"items\":[" + item + ","
                    + item + "]}");
        }, 201, 1, "CREATE", "CONVERSATION"));
        addIdentityRecipes(recipes);
        addWorkspaceRecipes(recipes);
        return recipes;
    }

    private static long auditRows() {
        try (Connection connection = running.database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_log")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting audit rows failed: " + e.getMessage(), e);
        }
    }

    private static List<String> mutatingOperations() {
        JsonNode paths = ServiceOnTestDatabase.json(running.get("/api/v1/openapi.json", null)).get("paths");
        List<String> operations = new ArrayList<>();
        Iterator<String> names = paths.fieldNames();
        while (names.hasNext()) {
            String path = names.next();
            Iterator<String> methods = paths.get(path).fieldNames();
            while (methods.hasNext()) {
                String method = methods.next();
                if (MUTATING.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    @Test
    void everyMutatingRouteWritesOneAuditRow() {
        List<String> operations = mutatingOperations();
        Map<String, Recipe> recipes = recipes();

        assertThat(operations).as("mutating operations of the OpenAPI document").isNotEmpty();
        assertThat(recipes.keySet()).as("a recipe for every mutating operation").containsAll(operations);
        for (String operation : operations) {
            Recipe recipe = recipes.get(operation);
            long before = auditRows();

            HttpResponse<String> response = recipe.call().apply(operation.substring(operation.indexOf(' ') + 1));

            assertThat(response.statusCode()).as("%s: %s", operation, response.body())
                    .isEqualTo(recipe.expectedStatus());
            assertThat(auditRows() - before).as("audit rows written by %s", operation).isEqualTo(recipe.auditRows());
            JsonNode newest = ServiceOnTestDatabase.json(running.get("/api/v1/admin/audit-logs?limit=1", admin)).get(0);
            assertThat(newest.get("action").asText()).as("action of %s", operation).isEqualTo(recipe.action());
            assertThat(newest.get("resource_type").asText()).as("resource type of %s", operation)
                    .isEqualTo(recipe.resourceType());
        }
    }
}
