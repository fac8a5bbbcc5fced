package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.PreconditionFailedException;
import ai.evo.core.domain.common.ValidationException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemMappingTest {
    @TempDir
    Path dir;

    private TestApi api;
    private String adminToken;
    private String clientPath;

    @BeforeEach
    void start() {
        api = TestApi.start(dir);
        adminToken = api.tokenFor(api.admin);
        clientPath = "/api/v1/clients/" + api.clientA.id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> getClientFailingWith(RuntimeException failure) {
        api.clients.failNextReadWith(failure);
        return api.get(clientPath, adminToken);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = TestApi.json(response);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.get("request_id").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void domainExceptionsMapToTheirStatus() {
        Map<RuntimeException, Integer> cases = Map.of(
                new NotFoundException("client"), 404,
                new ConflictException("a client with this email exists; choose another email"), 409,
                new ForbiddenException("only admins may do this"), 403,
                new PreconditionFailedException("the client changed; read it again and retry"), 412,
                new AuthenticationException("invalid email or password"), 401);
        Map<Integer, String> titles = Map.of(404, "Not Found", 409, "Conflict", 403, "Forbidden",
                412, "Precondition Failed", 401, "Unauthorized");

        cases.forEach((exception, status) -> {
            HttpResponse<String> response = getClientFailingWith(exception);

            assertProblem(response, status, titles.get(status), exception.getMessage());
            assertThat(TestApi.json(response).has("errors")).isFalse();
        });
    }

    @Test
    void authenticationExceptionSendsBearerChallenge() {
        HttpResponse<String> response = getClientFailingWith(new AuthenticationException("invalid"));

        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(ProblemMapper.BEARER_CHALLENGE);
    }

    @Test
    void validationExceptionListsFieldErrors() {
        HttpResponse<String> response = getClientFailingWith(new ValidationException(List.of(
                new ai.evo.core.domain.common.FieldError("config_json.sub_agents[2]", "must name an existing agent"),
                new ai.evo.core.domain.common.FieldError("name", "is required"))));

        assertProblem(response, 400, "Bad Request", "The request is invalid; see errors for each invalid field.");
        JsonNode errors = TestApi.json(response).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("config_json.sub_agents[2]");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("must name an existing agent");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("name");
    }

    @Test
    void unexpectedExceptionIsGeneric500LoggedOnce() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(ProblemMapper.class)) {
            HttpResponse<String> response = getClientFailingWith(
                    new IllegalStateException("SELECT * FROM client -- connection refused to db.internal:5432"));

            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertProblem(response, 500, "Internal Server Error",
                    "An unexpected error occurred. Quote request id " + requestId + " when you report it.");
            assertThat(response.body()).doesNotContain("SELECT").doesNotContain("IllegalStateException")
                    .doesNotContain("db.internal").doesNotContain("at ai.evo");
            List<ILoggingEvent> errors = logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getFormattedMessage()).contains(requestId);
            assertThat(errors.get(0).getMDCPropertyMap()).containsEntry(RequestContext.MDC_KEY, requestId);
            assertThat(errors.get(0).getThrowableProxy().getMessage()).contains("connection refused");
        }
    }

    @Test
    void unknownRouteIs404Problem() {
        HttpResponse<String> response = api.get("/api/v1/nothing-here", adminToken);

        assertProblem(response, 404, "Not Found",
                "No route matches GET /api/v1/nothing-here; see /api/v1/openapi.json for the routes.");
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() {
        HttpResponse<String> response = api.sendJson("PATCH", clientPath, adminToken, "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET").contains("PUT").contains("DELETE"));
    }

    @Test
    void malformedUriIsProblemFromJetty() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/clients/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("Content-Type: application/problem+json");
            assertThat(response).contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    void oversizedHeaderIsProblemFromJetty() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                    + "p".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 431");
            assertThat(response).contains("Content-Type: application/problem+json");
            assertThat(response).contains("\"status\":431");
        }
    }

    @Test
    void readinessFailureIs503Problem() {
        api.ready.set(false);

        HttpResponse<String> response = api.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        api.ready.set(true);
        assertThat(api.get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(TestApi.json(api.get("/health/live", null)).get("status").asText()).isEqualTo("live");
    }
}
