package ai.evo.core.bootstrap;

import static ai.evo.core.bootstrap.RunningService.body;
import static ai.evo.core.bootstrap.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the served OpenAPI document as each role and compares the status with the
 * role-by-route matrix, the same one that docs/security.md shows. Resource ids belong to client A, so for
 * user B they name another tenant's resource (404) and for user A its own (403 where its role forbids the
 * action). The voided token belongs to a user of client A that an admin deactivated after the token was issued.
 */
class AccessMatrixTest {
    private static final String STRONG = "seven purple ducks argue loudly";

    /** The roles of the matrix, in column order. */
    enum Role { ANONYMOUS, USER_A, USER_B, ADMIN, VOIDED }

    /** One row of the matrix: how to call the route, and the expected status per role. */
    record Row(String method, String path, Function<Role, String> pathFor, Function<Role, String> bodyFor,
               int[] expected) {
    }

    private static RunningService service;
    private static String clientA;
    private static String userAId;
    private static String userAEmail;
    private static final Map<Role, String> TOKENS = new LinkedHashMap<>();
    private static int sequence;
    private static String toolId;
    private static String mcpServerId;
    private static String agentId;
    private static String contactId;
    private static String conversationId;

    @BeforeAll
    static void startService() {
        service = RunningService.start(RunningService.temporaryDirectory());
        String admin = service.login(RunningService.ADMIN_EMAIL, RunningService.ADMIN_PASSWORD);
        clientA = json(service.send("POST", "/api/v1/clients", admin, body("name", "Client A", "email",
                "a@example.test"))).get("id").asText();
        String clientB = json(service.send("POST", "/api/v1/clients", admin, body("name", "Client B", "email",
                "b@example.test"))).get("id").asText();
        userAEmail = "user.a@example.test";
        userAId = json(service.send("POST", "/api/v1/clients/" + clientA + "/users", admin,
                body("email", userAEmail, "password", STRONG))).get("id").asText();
        service.send("POST", "/api/v1/clients/" + clientB + "/users", admin,
                body("email", "user.b@example.test", "password", STRONG));
        String voidedId = json(service.send("POST", "/api/v1/clients/" + clientA + "/users", admin,
                body("email", "voided@example.test", "password", STRONG))).get("id").asText();

        TOKENS.put(Role.ANONYMOUS, null);
        TOKENS.put(Role.USER_A, service.login(userAEmail, STRONG));
        TOKENS.put(Role.USER_B, service.login("user.b@example.test", STRONG));
        TOKENS.put(Role.ADMIN, admin);
        TOKENS.put(Role.VOIDED, service.login("voided@example.test", STRONG));
        assertThat(service.send("DELETE", "/api/v1/admin/users/" + voidedId, admin, null).statusCode())
                .isEqualTo(204);

        toolId = scratchTool();
        mcpServerId = scratchMcpServer();
        agentId = scratchAgent();
        contactId = scratchContact();
        conversationId = json(service.send("POST", "/api/v1/conversations", admin, conversationBody()))
                .get("id").asText();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    private static String fresh(String prefix) {
        return prefix + "-" + (++sequence) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static Function<Role, String> fixed(String path) {
        return role -> path;
    }

    private static Function<Role, String> none() {
        return role -> null;
    }

    /** Returns client A, or for the admin a new client that it may delete without disturbing the other rows. */
    private static String scratchClientFor(Role role) {
        if (role != Role.ADMIN) {
            return clientA;
        }
        return json(service.send("POST", "/api/v1/clients", TOKENS.get(Role.ADMIN),
                body("name", "Scratch", "email", fresh("scratch")))).get("id").asText();
    }

    /** Creates a user of client A that an admin may deactivate without disturbing the other rows. */
    private static String scratchUser() {
        return json(service.send("POST", "/api/v1/clients/" + clientA + "/users", TOKENS.get(Role.ADMIN),
                body("email", fresh("scratch-user"), "password", STRONG))).get("id").asText();
    }

    /** Creates a catalog tool that an admin may change or delete without disturbing the other rows. */
    private static String scratchTool() {
        return json(service.send("POST", "/api/v1/tools", TOKENS.get(Role.ADMIN),
                body("name", "tool-" + (++sequence), "description", "A tool"))).get("id").asText();
    }

    /** Creates an MCP server that an admin may change or delete without disturbing the other rows. */
    private static String scratchMcpServer() {
        return json(service.send("POST", "/api/v1/mcp-servers", TOKENS.get(Role.ADMIN),
                body("name", "mcp-" + (++sequence), "type", "community"))).get("id").asText();
    }

    /** Creates an agent of client A that may be deleted without disturbing the other rows. */
    private static String scratchAgent() {
        return json(service.send("POST", "/api/v1/agents", TOKENS.get(Role.ADMIN), agentBody())).get("id").asText();
    }

    /** Creates a contact of client A that may be deleted without disturbing the other rows. */
    private static String scratchContact() {
        return json(service.send("POST", "/api/v1/contacts", TOKENS.get(Role.ADMIN),
                body("client_id", clientA, "name", "Contact " + (++sequence)))).get("id").asText();
    }

    private static String agentBody() {
        return body("client_id", clientA, "name", "agent_" + (++sequence), "type", "llm", "model", "gpt-4o-mini",
                "api_key", "sk-matrix-0000-1111");
    }

    private static String conversationBody() {
        return body("client_id", clientA, "agent_id", agentId, "contact_id", contactId, "message", "Hello",
                "response", "Hi there");
    }

    private static int[] all(int status) {
        return new int[] {status, status, status, status, status};
    }

    /** Expected statuses for anonymous, user A, user B, admin and the voided token. */
    private static int[] of(int anonymous, int userA, int userB, int admin, int voided) {
        return new int[] {anonymous, userA, userB, admin, voided};
    }

    private static List<Row> matrix() {
        String client = "/api/v1/clients/" + clientA;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET", "/health/live", fixed("/health/live"), none(), all(200)));
        rows.add(new Row("GET", "/health/ready", fixed("/health/ready"), none(), all(200)));
        rows.add(new Row("GET", "/api/v1/openapi.json", fixed("/api/v1/openapi.json"), none(), all(200)));

        rows.add(new Row("POST", "/api/v1/auth/login", fixed("/api/v1/auth/login"),
                role -> body("email", userAEmail, "password", STRONG), all(200)));
        rows.add(new Row("POST", "/api/v1/auth/register", fixed("/api/v1/auth/register"),
                role -> body("email", fresh("signup"), "password", STRONG, "name", "Signup Ltd"), all(201)));
        rows.add(new Row("GET", "/api/v1/auth/verify-email/{token}",
                fixed("/api/v1/auth/verify-email/" + "A".repeat(43)), none(), all(400)));
        rows.add(new Row("POST", "/api/v1/auth/resend-verification", fixed("/api/v1/auth/resend-verification"),
                role -> body("email", fresh("nobody")), all(202)));
        rows.add(new Row("POST", "/api/v1/auth/forgot-password", fixed("/api/v1/auth/forgot-password"),
                role -> body("email", fresh("nobody")), all(202)));
        rows.add(new Row("POST", "/api/v1/auth/reset-password", fixed("/api/v1/auth/reset-password"),
                role -> body("token", "B".repeat(43), "new_password", STRONG), all(400)));

        rows.add(new Row("GET", "/api/v1/auth/me", fixed("/api/v1/auth/me"), none(), of(401, 200, 200, 200, 401)));
        rows.add(new Row("POST", "/api/v1/auth/change-password", fixed("/api/v1/auth/change-password"),
                role -> body("current_password", "not the current one", "new_password", "another strong phrase"),
                of(401, 400, 400, 400, 401)));

        rows.add(new Row("POST", "/api/v1/clients", fixed("/api/v1/clients"),
                role -> body("name", "New", "email", fresh("client")), of(401, 403, 403, 201, 401)));
        rows.add(new Row("GET", "/api/v1/clients", fixed("/api/v1/clients"), none(), of(401, 200, 200, 200, 401)));
        rows.add(new Row("GET", "/api/v1/clients/{id}", fixed(client), none(), of(401, 200, 404, 200, 401)));
        rows.add(new Row("PUT", "/api/v1/clients/{id}", fixed(client),
                role -> body("name", "Client A", "email", "a@example.test"), of(401, 200, 404, 200, 401)));
        rows.add(new Row("DELETE", "/api/v1/clients/{id}", role -> "/api/v1/clients/" + scratchClientFor(role),
                none(), of(401, 403, 404, 204, 401)));
        rows.add(new Row("POST", "/api/v1/clients/{id}/users", fixed(client + "/users"),
                role -> body("email", fresh("member"), "password", STRONG), of(401, 403, 404, 201, 401)));
        rows.add(new Row("GET", "/api/v1/clients/{id}/users", fixed(client + "/users"), none(),
                of(401, 200, 404, 200, 401)));
        rows.add(new Row("GET", "/api/v1/clients/{id}/audit-logs", fixed(client + "/audit-logs"), none(),
                of(401, 200, 404, 200, 401)));

        rows.add(new Row("GET", "/api/v1/admin/users", fixed("/api/v1/admin/users"), none(),
                of(401, 403, 403, 200, 401)));
        rows.add(new Row("POST", "/api/v1/admin/users", fixed("/api/v1/admin/users"),
                role -> body("email", fresh("admin"), "password", STRONG), of(401, 403, 403, 201, 401)));
        rows.add(new Row("DELETE", "/api/v1/admin/users/{id}", role -> "/api/v1/admin/users/" + scratchUser(),
                none(), of(401, 403, 403, 204, 401)));
        rows.add(new Row("POST", "/api/v1/admin/users/{id}/unlock",
                fixed("/api/v1/admin/users/" + userAId + "/unlock"), none(), of(401, 403, 403, 200, 401)));
        rows.add(new Row("GET", "/api/v1/admin/audit-logs", fixed("/api/v1/admin/audit-logs"), none(),
                of(401, 403, 403, 200, 401)));
        addCatalogRows(rows);
        addWorkspaceRows(rows);
        addConversationRows(rows);
        return rows;
    }

    /** Adds the catalog rows: every signed-in user reads tools and MCP servers, and only admins change them. */
    private static void addCatalogRows(List<Row> rows) {
        String tool = "/api/v1/tools/" + toolId;
        rows.add(new Row("POST", "/api/v1/tools", fixed("/api/v1/tools"),
                role -> body("name", "tool-" + (++sequence)), of(401, 403, 403, 201, 401)));
        rows.add(new Row("GET", "/api/v1/tools", fixed("/api/v1/tools"), none(), of(401, 200, 200, 200, 401)));
        rows.add(new Row("GET", "/api/v1/tools/{id}", fixed(tool), none(), of(401, 200, 200, 200, 401)));
        rows.add(new Row("PUT", "/api/v1/tools/{id}", fixed(tool), role -> body("description", "Changed"),
                of(401, 403, 403, 200, 401)));
        rows.add(new Row("DELETE", "/api/v1/tools/{id}", role -> "/api/v1/tools/" + scratchTool(), none(),
                of(401, 403, 403, 204, 401)));
        String server = "/api/v1/mcp-servers/" + mcpServerId;
        rows.add(new Row("POST", "/api/v1/mcp-servers", fixed("/api/v1/mcp-servers"),
                role -> body("name", "mcp-" + (++sequence), "type", "official"), of(401, 403, 403, 201, 401)));
        rows.add(new Row("GET", "/api/v1/mcp-servers", fixed("/api/v1/mcp-servers"), none(),
                of(401, 200, 200, 200, 401)));
        rows.add(new Row("GET", "/api/v1/mcp-servers/{id}", fixed(server), none(), of(401, 200, 200, 200, 401)));
        rows.add(new Row("PUT", "/api/v1/mcp-servers/{id}", fixed(server), role -> body("description", "Changed"),
                of(401, 403, 403, 200, 401)));
        rows.add(new Row("DELETE", "/api/v1/mcp-servers/{id}", role -> "/api/v1/mcp-servers/" + scratchMcpServer(),
                none(), of(401, 403, 403, 204, 401)));
    }

    /** Adds the agent and contact rows: client A's users and admins manage them, and user B gets 404. */
    private static void addWorkspaceRows(List<Row> rows) {
        String agent = "/api/v1/agents/" + agentId;
        rows.add(new Row("POST", "/api/v1/agents", fixed("/api/v1/agents"), role -> agentBody(),
                of(401, 201, 404, 201, 401)));
        rows.add(new Row("GET", "/api/v1/agents", fixed("/api/v1/agents?client_id=" + clientA), none(),
                of(401, 200, 200, 200, 401)));
        rows.add(new Row("GET", "/api/v1/agents/{id}", fixed(agent), none(), of(401, 200, 404, 200, 401)));
        rows.add(new Row("PUT", "/api/v1/agents/{id}", fixed(agent), role -> body("description", "Changed"),
                of(401, 200, 404, 200, 401)));
        rows.add(new Row("DELETE", "/api/v1/agents/{id}", role -> "/api/v1/agents/" + scratchAgent(), none(),
                of(401, 204, 404, 204, 401)));
        String contact = "/api/v1/contacts/" + contactId;
        rows.add(new Row("POST", "/api/v1/contacts", fixed("/api/v1/contacts"),
                role -> body("client_id", clientA, "name", "Contact " + (++sequence)), of(401, 201, 404, 201, 401)));
        rows.add(new Row("GET", "/api/v1/contacts", fixed("/api/v1/contacts?client_id=" + clientA), none(),
                of(401, 200, 200, 200, 401)));
        rows.add(new Row("GET", "/api/v1/contacts/{id}", fixed(contact), none(), of(401, 200, 404, 200, 401)));
        rows.add(new Row("PUT", "/api/v1/contacts/{id}", fixed(contact), role -> body("name", "Renamed"),
                of(401, 200, 404, 200, 401)));
        rows.add(new Row("DELETE", "/api/v1/contacts/{id}", role -> "/api/v1/contacts/" + scratchContact(), none(),
                of(401, 204, 404, 204, 401)));
        rows.add(new Row("PUT", "/api/v1/contacts/by-ext-id/{ext_id}",
                role -> "/api/v1/contacts/by-ext-id/channel-" + (++sequence),
                role -> body("client_id", clientA, "name", "Channel contact"), of(401, 201, 404, 201, 401)));
    }

    /** Adds the conversation rows: client A's users and admins read and append them, and user B gets 404. */
    private static void addConversationRows(List<Row> rows) {
        String scope = "client_id=" + clientA;
        rows.add(new Row("POST", "/api/v1/conversations", fixed("/api/v1/conversations"),
                role -> conversationBody(), of(401, 201, 404, 201, 401)));
        rows.add(new Row("POST", "/api/v1/conversations/batch", fixed("/api/v1/conversations/batch"),
                role -> "{\"client_id\":\"" + clientA + "\",\"items\":[{\"agent_id\":\"" + agentId
                        + "\",\"contact_id\":\"" + contactId + "\",\"message\":\"Hi\",\"response\":\"Hello\"}]}",
                of(401, 201, 404, 201, 401)));
        rows.add(new Row("GET", "/api/v1/conversations",
                fixed("/api/v1/conversations?contact_id=" + contactId + "&" + scope), none(),
                of(401, 200, 404, 200, 401)));
        rows.add(new Row("GET", "/api/v1/conversations/{id}",
                fixed("/api/v1/conversations/" + conversationId + "?" + scope), none(), of(401, 200, 404, 200, 401)));
        rows.add(new Row("GET", "/api/v1/contacts/{id}/conversations/export",
                fixed("/api/v1/contacts/" + contactId + "/conversations/export?" + scope), none(),
                of(401, 200, 404, 200, 401)));
    }

    private static Set<String> documentedOperations() {
        JsonNode document = json(service.send("GET", "/api/v1/openapi.json", null, null));
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<String> keys = path.getValue().fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(key)) {
                    operations.add(key.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    @Test
    void matrixCoversEveryDocumentedRoute() {
        Set<String> inMatrix = new TreeSet<>();
        for (Row row : matrix()) {
            inMatrix.add(row.method() + " " + row.path());
        }

        assertThat(inMatrix).isEqualTo(documentedOperations());
    }

    @Test
    void everyRoleGetsItsStatus() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : matrix()) {
            for (Role role : Role.values()) {
                String path = row.pathFor().apply(role);
                HttpResponse<String> response = service.send(row.method(), path, TOKENS.get(role),
                        row.bodyFor().apply(role));
                int expected = row.expected()[role.ordinal()];
                if (response.statusCode() != expected) {
                    mismatches.add(row.method() + " " + row.path() + " as " + role + ": expected " + expected
                            + ", got " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }
}
