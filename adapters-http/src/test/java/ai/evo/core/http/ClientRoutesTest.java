package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientRoutesTest {
    private static final String CLIENTS = "/api/v1/clients";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TempDir
    Path dir;

    private TestApi api;
    private String adminToken;
    private String userAToken;

    @BeforeEach
    void start() {
        api = TestApi.start(dir);
        adminToken = api.tokenFor(api.admin);
        userAToken = api.tokenFor(api.userA);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static String field(HttpResponse<String> response, int index) {
        return TestApi.json(response).get("errors").get(index).get("field").asText();
    }

    @Test
    void createReturnsClientWithLocation() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"  Acme \",\"email\":\"Ops@Acme.test\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = TestApi.json(response);
        assertThat(body.get("name").asText()).isEqualTo("Acme");
        assertThat(body.get("email").asText()).isEqualTo("ops@acme.test");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-03-01T10:00:00.002Z");
        assertThat(body.get("updated_at").asText()).isEqualTo("2026-03-01T10:00:00.002Z");
        assertThat(response.headers().firstValue("Location")).contains(CLIENTS + "/" + body.get("id").asText());
        assertThat(api.get(CLIENTS + "/" + body.get("id").asText(), adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    void createByNonAdminIsForbidden() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, userAToken,
                "{\"name\":\"planted\",\"email\":\"p@example.test\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestApi.json(response).get("detail").asText()).isEqualTo("only admins may create clients");
    }

    @Test
    void createRejectsUnknownAndPrivilegedFields() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"Acme\",\"email\":\"a@acme.test\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"created_at\":\"2000-01-01T00:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(field(response, 0)).isEqualTo("id");
        assertThat(field(response, 1)).isEqualTo("created_at");
        assertThat(api.get(CLIENTS, adminToken).body()).doesNotContain("Acme");
    }

    @Test
    void createReportsEveryDomainRule() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"   \",\"email\":\"not-an-email\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(field(response, 0)).isEqualTo("name");
        assertThat(field(response, 1)).isEqualTo("email");
    }

    @Test
    void unstorableTextIsRejected() {
        HttpResponse<String> nul = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"nul\\u0000name\",\"email\":\"n@example.test\"}");
        HttpResponse<String> surrogate = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"\\ud800\",\"email\":\"s@example.test\"}");

        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(field(nul, 0)).isEqualTo("name");
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(field(surrogate, 0)).isEqualTo("name");
        assertThat(TestApi.json(api.get(CLIENTS, adminToken))).hasSize(2);
    }

    @Test
    void controlCharacterU0001RoundTrips() {
        HttpResponse<String> created = api.sendJson("POST", CLIENTS, adminToken,
                "{\"name\":\"a\\u0001b\",\"email\":\"ctl@example.test\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = TestApi.json(created).get("id").asText();
        assertThat(TestApi.json(api.get(CLIENTS + "/" + id, adminToken)).get("name").asText()).isEqualTo("a\u0001b");
    }

    @Test
    void nullNameIsRequiredNotCrash() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, adminToken, "{\"name\":null,\"email\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(field(response, 0)).isEqualTo("email");
    }

    @Test
    void otherTenantsClientLooksMissing() {
        String randomId = CLIENTS + "/" + UUID.randomUUID();
        String otherTenant = CLIENTS + "/" + api.clientB.id();

        HttpResponse<String> missing = api.get(randomId, userAToken);
        HttpResponse<String> hidden = api.get(otherTenant, userAToken);
        HttpResponse<String> update = api.sendJson("PUT", otherTenant, userAToken,
                "{\"name\":\"renamed_by_a\",\"email\":\"x@example.test\"}");
        HttpResponse<String> delete = api.delete(otherTenant, userAToken);
        HttpResponse<String> auditLogs = api.get(otherTenant + "/audit-logs", userAToken);

        assertThat(missing.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : List.of(hidden, update, delete, auditLogs)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(TestApi.json(response).get("detail")).isEqualTo(TestApi.json(missing).get("detail"));
            assertThat(response.body()).doesNotContain("Client B");
        }
        assertThat(api.clients.findById(api.clientB.id()).orElseThrow().details().name()).isEqualTo("Client B");
    }

    @Test
    void userListsOnlyOwnClient() {
        JsonNode list = TestApi.json(api.get(CLIENTS, userAToken));

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(api.clientA.id().toString());
    }

    @Test
    void updateReplacesNameAndEmail() {
        api.clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> response = api.sendJson("PUT", CLIENTS + "/" + api.clientA.id(), userAToken,
                "{\"name\":\"Client A2\",\"email\":\"new@example.test\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestApi.json(response);
        assertThat(body.get("name").asText()).isEqualTo("Client A2");
        assertThat(body.get("updated_at").asText()).isEqualTo("2026-03-01T10:00:05.002Z");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void deleteReturnsNoContentForAdminOnly() {
        String path = CLIENTS + "/" + api.clientA.id();

        assertThat(api.delete(path, userAToken).statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = api.delete(path, adminToken);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get(path, adminToken).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidUuidInPathNamesParameter() {
        for (String id : List.of("123", "1-2-3-4-5", "0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a0", "%20")) {
            HttpResponse<String> response = api.get(CLIENTS + "/" + id, adminToken);

            assertThat(response.statusCode()).as("id %s", id).isEqualTo(400);
            assertThat(field(response, 0)).isEqualTo("id");
        }
    }

    @Test
    void pagesFollowLinkHeaderToTheEnd() {
        for (int i = 0; i < 5; i++) {
            api.clock.advance(Duration.ofMillis(1));
            api.clients.insert(new ClientId(UUID.randomUUID()), ClientDetails.of("Extra " + i, "x@example.test"));
        }
        List<String> names = new ArrayList<>();
        String next = CLIENTS + "?limit=3";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = api.get(next, adminToken);
            assertThat(page.statusCode()).isEqualTo(200);
            TestApi.json(page).forEach(client -> names.add(client.get("name").asText()));
            next = page.headers().firstValue("Link").map(ClientRoutesTest::nextTarget).orElse(null);
            if (next != null) {
                assertThat(next).startsWith(CLIENTS + "?limit=3&cursor=");
            }
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("Client A", "Client B", "Extra 0", "Extra 1", "Extra 2", "Extra 3",
                "Extra 4");
    }

    @Test
    void lastPageHasNoLink() {
        HttpResponse<String> response = api.get(CLIENTS + "?limit=2", adminToken);

        assertThat(TestApi.json(response)).hasSize(2);
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void invalidLimitsAreRejected() {
        for (String limit : List.of("0", "1001", "-1", "+5", "abc", "1.5", "99999999999", "")) {
            HttpResponse<String> response = api.get(CLIENTS + "?limit=" + limit, adminToken);

            assertThat(response.statusCode()).as("limit %s", limit).isEqualTo(400);
            assertThat(field(response, 0)).isEqualTo("limit");
        }
        assertThat(api.get(CLIENTS + "?limit=1000", adminToken).statusCode()).isEqualTo(200);
        assertThat(api.get(CLIENTS + "?limit=1", adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedCursorIsRejected() {
        api.clients.insert(new ClientId(UUID.randomUUID()), ClientDetails.of("Extra", "x@example.test"));
        String next = nextTarget(api.get(CLIENTS + "?limit=1", adminToken).headers().firstValue("Link").orElseThrow());
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        HttpResponse<String> response = api.get(CLIENTS + "?limit=1&cursor=" + tampered, adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(field(response, 0)).isEqualTo("cursor");
        assertThat(api.get(CLIENTS + "?limit=1&cursor=%00", adminToken).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownAndRepeatedQueryParametersAreRejected() {
        HttpResponse<String> unknown = api.get(CLIENTS + "?client_id=" + api.clientB.id(), userAToken);
        HttpResponse<String> repeated = api.get(CLIENTS + "?limit=1&limit=2", adminToken);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(field(unknown, 0)).isEqualTo("client_id");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(field(repeated, 0)).isEqualTo("limit");
    }

    @Test
    void malformedQueryEscapeIsRejected() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + CLIENTS + "?limit=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + adminToken + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("\"field\":\"query\"");
        }
    }

    @Test
    void oversizedBodyGets413() {
        try (TestApi small = TestApi.start(dir.resolve("..").resolve(dir.getFileName()),
                TestApi.settings(64, Duration.ofSeconds(5), java.util.Set.of()))) {
            String token = small.tokenFor(small.admin);
            String body = "{\"name\":\"" + "n".repeat(100) + "\",\"email\":\"a@example.test\"}";

            HttpResponse<String> declared = small.sendJson("POST", CLIENTS, token, body);
            HttpResponse<String> streamed = small.send(small.request(CLIENTS, token)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build());

            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(streamed.statusCode()).isEqualTo(413);
            assertThat(small.sendJson("POST", CLIENTS, token, "{\"name\":\"n\",\"email\":\"a@b.test\"}")
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    void nonJsonContentTypeGets415() {
        byte[] body = "{\"name\":\"Acme\",\"email\":\"a@acme.test\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> text = api.sendBytes("POST", CLIENTS, adminToken, "text/plain", body);
        HttpResponse<String> form = api.sendBytes("PUT", CLIENTS + "/" + api.clientA.id(), adminToken,
                "application/x-www-form-urlencoded", body);
        HttpResponse<String> none = api.sendBytes("POST", CLIENTS, adminToken, null, body);

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(TestApi.json(text).get("title").asText()).isEqualTo("Unsupported Media Type");
    }

    @Test
    void malformedJsonGets400() {
        HttpResponse<String> response = api.sendJson("POST", CLIENTS, adminToken, "{\"name\":");
        HttpResponse<String> nullBody = api.sendJson("POST", CLIENTS, adminToken, "null");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(nullBody.statusCode()).isEqualTo(400);
        assertThat(field(nullBody, 0)).isEqualTo("body");
        assertThat(response.body()).doesNotContain("com.fasterxml").doesNotContain("Exception");
    }

    private static String nextTarget(String linkHeader) {
        Matcher matcher = NEXT_LINK.matcher(linkHeader);
        assertThat(matcher.matches()).as("Link header %s", linkHeader).isTrue();
        return matcher.group(1);
    }
}
