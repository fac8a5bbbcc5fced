package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogRoutesTest {
    private static final String ADMIN_LOGS = "/api/v1/admin/audit-logs";

    @TempDir
    Path dir;

    private TestApi api;
    private String adminToken;
    private String userAToken;

    @BeforeEach
    void start() {
        api = TestApi.start(dir, TestApi.settings(64 * 1024, Duration.ofSeconds(5), Set.of("127.0.0.1")));
        adminToken = api.tokenFor(api.admin);
        userAToken = api.tokenFor(api.userA);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String clientLogs(Object clientId) {
        return "/api/v1/clients/" + clientId + "/audit-logs";
    }

    private void renameClientA(String name) {
        api.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = api.send(api.request("/api/v1/clients/" + api.clientA.id(), userAToken)
                .header("Content-Type", "application/json")
                .header("User-Agent", "audit-test/1.0")
                .header("X-Forwarded-For", "198.51.100.23, 127.0.0.1")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"email\":\"a@example.test\"}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void entryShowsSpecFieldsAndOrigin() {
        renameClientA("Renamed A");

        HttpResponse<String> response = api.get(clientLogs(api.clientA.id()), userAToken);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entry = TestApi.json(response).get(0);
        List<String> names = List.of("id", "user_id", "client_id", "action", "resource_type", "resource_id",
                "details", "ip_address", "user_agent", "created_at");
        assertThat(entry.fieldNames()).toIterable().containsExactlyElementsOf(names);
        assertThat(entry.get("user_id").asText()).isEqualTo(api.userA.id().toString());
        assertThat(entry.get("client_id").asText()).isEqualTo(api.clientA.id().toString());
        assertThat(entry.get("action").asText()).isEqualTo("UPDATE");
        assertThat(entry.get("resource_type").asText()).isEqualTo("CLIENT");
        assertThat(entry.get("details").get("after").get("name").asText()).isEqualTo("Renamed A");
        assertThat(entry.get("ip_address").asText()).isEqualTo("198.51.100.23");
        assertThat(entry.get("user_agent").asText()).isEqualTo("audit-test/1.0");
        assertThat(entry.get("created_at").asText()).isEqualTo("2026-03-01T10:00:01.002Z");
    }

    @Test
    void adminTrailIsForAdminsOnly() {
        HttpResponse<String> forbidden = api.get(ADMIN_LOGS, userAToken);
        HttpResponse<String> allowed = api.get(ADMIN_LOGS, adminToken);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void filtersReachTheTrail() {
        UUID user = api.userA.id().value();
        UUID resource = api.clientA.id().value();
        String query = "?user_id=" + user + "&action=UPDATE&resource_type=CLIENT&resource_id=" + resource
                + "&from=2026-03-01T00:00:00Z&to=2026-03-02T01:00:00%2B01:00";

        HttpResponse<String> response = api.get(ADMIN_LOGS + query, adminToken);

        assertThat(response.statusCode()).isEqualTo(200);
        AuditQuery applied = api.auditTrail.lastQuery();
        assertThat(applied.clientId()).isEmpty();
        assertThat(applied.userId()).contains(api.userA.id());
        assertThat(applied.action()).contains(AuditAction.UPDATE);
        assertThat(applied.resourceType()).contains(ResourceType.CLIENT);
        assertThat(applied.resourceId()).contains(resource);
        assertThat(applied.from()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(applied.to()).contains(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void clientTrailIsScopedToPathClient() {
        api.get(clientLogs(api.clientA.id()), userAToken);

        assertThat(api.auditTrail.lastQuery().clientId()).isEqualTo(Optional.of(api.clientA.id()));
    }

    @Test
    void invalidFiltersNameEachParameter() {
        String query = "?user_id=nope&action=update&resource_type=ROBOT&resource_id=1&from=yesterday&to=2026-13-01";

        HttpResponse<String> response = api.get(ADMIN_LOGS + query, adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = TestApi.json(response).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .containsExactly("user_id", "action", "resource_type", "resource_id", "from", "to");
        assertThat(errors.get(1).get("message").asText()).contains("CREATE, UPDATE, DELETE");
    }

    @Test
    void reversedTimeRangeIsRejected() {
        HttpResponse<String> response = api.get(ADMIN_LOGS + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
                adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(response).get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    @Test
    void unknownFilterIsRejected() {
        HttpResponse<String> response = api.get(ADMIN_LOGS + "?client_id=" + api.clientB.id(), adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(response).get("errors").get(0).get("field").asText()).isEqualTo("client_id");
    }

    @Test
    void pagingKeepsFiltersInLink() {
        renameClientA("One");
        renameClientA("Two");
        renameClientA("Three");

        HttpResponse<String> first = api.get(clientLogs(api.clientA.id()) + "?action=UPDATE&limit=2", userAToken);
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(1, link.indexOf('>'));
        HttpResponse<String> second = api.get(next, userAToken);

        assertThat(next).startsWith(clientLogs(api.clientA.id()) + "?action=UPDATE&limit=2&cursor=");
        assertThat(TestApi.json(first).findValuesAsText("name")).containsExactly("Two", "Three", "One", "Two");
        assertThat(TestApi.json(second)).hasSize(1);
        assertThat(TestApi.json(second).get(0).get("details").get("after").get("name").asText()).isEqualTo("One");
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void invalidClientIdInPathNamesParameter() {
        HttpResponse<String> response = api.get(clientLogs("not-a-uuid"), adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(response).get("errors").get(0).get("field").asText()).isEqualTo("id");
    }
}
