package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.audit.AuditAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationRoutesTest {
    private static final String LOGIN = "/api/v1/auth/login";

    @TempDir
    Path dir;

    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> login(String json) {
        return api.sendJson("POST", LOGIN, null, json);
    }

    @Test
    void loginReturnsWorkingBearerToken() {
        HttpResponse<String> response = login("{\"email\":\" User.A@Example.test \",\"password\":\""
                + TestApi.PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestApi.json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(TestApi.TOKEN_LIFETIME.toSeconds());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        String token = body.get("access_token").asText();
        HttpResponse<String> own = api.get("/api/v1/clients/" + api.clientA.id(), token);
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void loginFailuresShareOneGenericAnswer() {
        List<HttpResponse<String>> failures = List.of(
                login("{\"email\":\"user.a@example.test\",\"password\":\"wrong password here\"}"),
                login("{\"email\":\"nobody@example.test\",\"password\":\"" + TestApi.PASSWORD + "\"}"),
                login("{\"email\":\"not an email\",\"password\":\"x\"}"));

        for (HttpResponse<String> response : failures) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(TestApi.json(response).get("detail").asText()).isEqualTo("invalid email or password");
        }
        assertThat(api.auditTrail.list(ai.evo.core.domain.audit.AuditQuery.all(),
                ai.evo.core.domain.common.PageRequest.first()).items())
                .extracting(entry -> entry.action()).containsExactly(AuditAction.LOGIN_FAILED);
    }

    @Test
    void loginRejectsPrivilegedFields() {
        HttpResponse<String> response = login("{\"email\":\"user.a@example.test\",\"password\":\""
                + TestApi.PASSWORD + "\",\"is_admin\":true}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestApi.json(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("is_admin");
    }

    @Test
    void loginRejectsWrongTypesAndMissingFields() {
        HttpResponse<String> numeric = login("{\"email\":\"user.a@example.test\",\"password\":12345}");
        HttpResponse<String> missing = login("{\"email\":\"user.a@example.test\"}");

        assertThat(numeric.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(numeric).get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(missing).get("errors").get(0).get("message").asText()).isEqualTo("is required");
    }

    @Test
    void adminTokenCarriesAdminClaimOnlyForAdmins() throws Exception {
        String userToken = TestApi.json(login("{\"email\":\"user.a@example.test\",\"password\":\""
                + TestApi.PASSWORD + "\"}")).get("access_token").asText();
        String adminToken = TestApi.json(login("{\"email\":\"admin@example.test\",\"password\":\""
                + TestApi.PASSWORD + "\"}")).get("access_token").asText();

        assertThat(payload(userToken).has("admin")).isFalse();
        assertThat(payload(adminToken).get("admin").asBoolean()).isTrue();
    }

    @Test
    void protectedRoutesRequireToken() {
        HttpResponse<String> response = api.get("/api/v1/clients", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(ProblemMapper.BEARER_CHALLENGE);
        assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void invalidTokensGetInvalidTokenChallenge() {
        String valid = api.tokenFor(api.admin);
        String header = valid.substring(0, valid.indexOf('.'));
        String algNone = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + valid.substring(valid.indexOf('.'), valid.lastIndexOf('.') + 1);
        List<String> headers = List.of("Bearer " + valid.substring(0, valid.length() - 2) + "xx",
                "Bearer " + algNone, "Bearer not-a-jwt", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer " + header,
                valid);

        for (String authorization : headers) {
            HttpResponse<String> response = api.send(api.request("/api/v1/clients", null)
                    .header("Authorization", authorization).GET().build());

            assertThat(response.statusCode()).as("Authorization: %s", authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("Authorization: %s", authorization)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
    }

    @Test
    void expiredTokenIsRejected() {
        String token = api.tokenFor(api.admin);
        api.clock.advance(TestApi.TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));

        HttpResponse<String> response = api.get("/api/v1/clients", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpResponse<String> response = api.send(api.request("/api/v1/clients", null)
                .header("Authorization", "bearer " + api.tokenFor(api.admin)).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void publicRoutesNeedNoToken() {
        assertThat(api.get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
    }

    private static JsonNode payload(String token) throws Exception {
        return TestApi.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
