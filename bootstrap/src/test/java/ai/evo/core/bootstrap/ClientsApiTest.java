package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.client.ClientId;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client routes end to end: admin management, tenant isolation, cascades and the audit rows they write. */
class ClientsApiTest {
    private static TestService service;
    private static String admin;

    @BeforeAll
    static void start() {
        service = TestService.start();
        admin = service.adminToken();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String createClient(String name) {
        TestService.Response created = service.post("/api/v1/clients", admin,
                "{\"name\":" + TestService.quote(name) + ",\"email\":\"ops@" + name.toLowerCase() + ".example\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String userTokenOf(String clientId) {
        String email = "user-" + UUID.randomUUID() + "@example.test";
        service.addClientUser(new ClientId(UUID.fromString(clientId)), email);
        return service.login(email, TestService.USER_PASSWORD);
    }

    private static long count(String sql) {
        try (Connection connection = service.database().unpooledDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletes() {
        TestService.Response created = service.post("/api/v1/clients", admin,
                "{\"name\":\"São Paulo Ops ✓\",\"email\":\"Ops@Acme.Example\"}");
        String id = created.json().get("id").asText();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/clients/" + id);
        assertThat(created.json().get("email").asText()).isEqualTo("ops@acme.example");
        assertThat(service.get("/api/v1/clients/" + id, admin).json().get("name").asText()).isEqualTo("São Paulo Ops ✓");

        TestService.Response updated = service.put("/api/v1/clients/" + id, admin,
                "{\"name\":\"Acme Ltd\",\"email\":\"ops@acme.example\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Acme Ltd");
        assertThat(updated.json().get("updated_at").asText())
                .isGreaterThanOrEqualTo(created.json().get("updated_at").asText());

        assertThat(service.delete("/api/v1/clients/" + id, admin).status()).isEqualTo(204);
        assertThat(service.get("/api/v1/clients/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void everyChangeWritesOneAuditRow() {
        String id = createClient("Audited");
        service.put("/api/v1/clients/" + id, admin, "{\"name\":\"Audited 2\",\"email\":\"ops@audited.example\"}");
        service.delete("/api/v1/clients/" + id, admin);

        JsonNode rows = service.get("/api/v1/admin/audit-logs?resource_id=" + id, admin).json();

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("action").asText()).isEqualTo("DELETE");
        assertThat(rows.get(1).get("action").asText()).isEqualTo("UPDATE");
        assertThat(rows.get(2).get("action").asText()).isEqualTo("CREATE");
        JsonNode update = rows.get(1);
        assertThat(update.get("resource_type").asText()).isEqualTo("CLIENT");
        assertThat(update.get("details").get("before").get("name").asText()).isEqualTo("Audited");
        assertThat(update.get("details").get("after").get("name").asText()).isEqualTo("Audited 2");
        assertThat(update.get("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(update.get("user_agent").asText()).startsWith("Java-http-client");
        assertThat(update.get("user_id").asText()).isNotBlank();
    }

    @Test
    void clientUserManagesOnlyOwnClient() {
        String own = createClient("OwnCo");
        String other = createClient("OtherCo");
        String user = userTokenOf(own);

        JsonNode list = service.get("/api/v1/clients", user).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(own);
        assertThat(service.get("/api/v1/clients/" + own, user).status()).isEqualTo(200);
        assertThat(service.put("/api/v1/clients/" + own, user, "{\"name\":\"OwnCo 2\",\"email\":\"a@ownco.example\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void otherTenantAnswersLikeRandomId() {
        String own = createClient("TenantA");
        String other = createClient("TenantB");
        String user = userTokenOf(own);
        String random = UUID.randomUUID().toString();

        TestService.Response foreign = service.get("/api/v1/clients/" + other, user);
        TestService.Response missing = service.get("/api/v1/clients/" + random, user);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(foreign.body()).doesNotContain("TenantB");

        assertThat(service.put("/api/v1/clients/" + other, user, "{\"name\":\"Taken\",\"email\":\"x@y.example\"}")
                .status()).isEqualTo(404);
        assertThat(service.delete("/api/v1/clients/" + other, user).status()).isEqualTo(404);
        assertThat(service.get("/api/v1/clients/" + other, admin).json().get("name").asText()).isEqualTo("TenantB");
    }

    @Test
    void clientUserCannotCreateOrDeleteClients() {
        String own = createClient("Limited");
        String user = userTokenOf(own);

        assertThat(service.post("/api/v1/clients", user, "{\"name\":\"New\",\"email\":\"n@new.example\"}").status())
                .isEqualTo(403);
        assertThat(service.delete("/api/v1/clients/" + own, user).status()).isEqualTo(403);
        assertThat(service.get("/api/v1/clients/" + own, admin).status()).isEqualTo(200);
    }

    @Test
    void deletingClientCascadesToItsUsers() {
        String id = createClient("Cascade");
        userTokenOf(id);
        assertThat(count("SELECT count(*) FROM \"user\" WHERE client_id = '" + id + "'")).isEqualTo(1);

        service.delete("/api/v1/clients/" + id, admin);

        assertThat(count("SELECT count(*) FROM \"user\" WHERE client_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE resource_id = '" + id + "'")).isEqualTo(2);
    }

    @Test
    void invalidInputWritesNothing() {
        long before = count("SELECT count(*) FROM client");

        TestService.Response nul = service.post("/api/v1/clients", admin,
                "{\"name\":\"nul\\u0000name\",\"email\":\"a@b.example\"}");
        TestService.Response badEmail = service.post("/api/v1/clients", admin,
                "{\"name\":\"Fine\",\"email\":\"not-an-email\"}");
        TestService.Response surrogate = service.post("/api/v1/clients", admin,
                "{\"name\":\"\\ud800\",\"email\":\"a@b.example\"}");

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM client")).isEqualTo(before);
    }

    @Test
    void listPagesWithLinkHeader() {
        for (int i = 0; i < 3; i++) {
            createClient("Paged" + i);
        }

        TestService.Response first = service.get("/api/v1/clients?limit=2", admin);
        String link = first.header("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        TestService.Response second = service.get(next, admin);

        assertThat(first.json()).hasSize(2);
        assertThat(link).endsWith("rel=\"next\"");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get(0).get("id").asText()).isNotEqualTo(first.json().get(1).get("id").asText());
    }
}
