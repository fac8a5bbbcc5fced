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
        return rows;
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
