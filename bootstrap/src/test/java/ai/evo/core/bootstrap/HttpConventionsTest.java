package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conventions every route shares, checked on the running service. */
class HttpConventionsTest {
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

    @Test
    void healthNeedsNoToken() {
        assertThat(service.get("/health/live", null).status()).isEqualTo(200);
        assertThat(service.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void openApiDocumentIsServedWithoutToken() {
        TestService.Response response = service.get("/api/v1/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("openapi").asText()).startsWith("3.1");
        assertThat(response.json().get("paths").has("/api/v1/clients/{id}")).isTrue();
    }

    @Test
    void errorsAreProblemDetails() {
        TestService.Response response = service.get("/api/v1/clients/" + UUID.randomUUID(), admin);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().has("type")).isTrue();
        assertThat(response.json().has("title")).isTrue();
        assertThat(response.json().has("detail")).isTrue();
    }

    @Test
    void invalidPathIdNamesParameter() {
        TestService.Response response = service.get("/api/v1/clients/not-a-uuid", admin);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        TestService.Response malformed = service.post("/api/v1/clients", admin, "{\"name\":");
        TestService.Response wrongType = service.post("/api/v1/clients", admin, "{\"name\":3,\"email\":\"a@b.example\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void oversizedBodyIs413() {
        String name = "x".repeat(1024 * 1024 + 10);

        TestService.Response response = service.post("/api/v1/clients", admin,
                "{\"name\":\"" + name + "\",\"email\":\"a@b.example\"}");

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void invalidLimitIs400() {
        assertThat(service.get("/api/v1/clients?limit=0", admin).status()).isEqualTo(400);
        assertThat(service.get("/api/v1/clients?limit=1001", admin).status()).isEqualTo(400);
        assertThat(service.get("/api/v1/clients?cursor=garbage", admin).status()).isEqualTo(400);
    }

    @Test
    void timestampFilterOutsideRangeIs400() {
        for (String from : new String[] {"%2B999999999-12-31T23:59:59Z", "-5000-01-01T00:00:00Z"}) {
            TestService.Response response = service.get("/api/v1/admin/audit-logs?from=" + from, admin);

            assertThat(response.status()).as(from).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).as(from).isEqualTo("from");
        }
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        TestService.Response generated = service.get("/health/live", null);

        assertThat(generated.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void timestampsAreUtcIso8601() {
        String created = service.post("/api/v1/clients", admin, "{\"name\":\"Time Co\",\"email\":\"t@time.example\"}")
                .json().get("created_at").asText();

        assertThat(created).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }
}
