package ai.evo.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestIdTest {
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

    private HttpResponse<String> getWithRequestId(String path, String requestId, String token) {
        return api.send(api.request(path, token).header("X-Request-Id", requestId).GET().build());
    }

    @Test
    void saneRequestIdIsEchoed() {
        HttpResponse<String> response = getWithRequestId("/health/live", "trace-42.a_b", null);

        assertThat(response.headers().firstValue("X-Request-Id")).contains("trace-42.a_b");
    }

    @Test
    void insaneRequestIdIsReplaced() {
        HttpResponse<String> response = getWithRequestId("/health/live", "x".repeat(129), null);
        HttpResponse<String> missing = api.get("/health/live", null);

        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(missing.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void errorResponsesCarryRequestId() {
        HttpResponse<String> response = getWithRequestId("/api/v1/clients", "err-1", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).contains("err-1");
        assertThat(TestApi.json(response).get("request_id").asText()).isEqualTo("err-1");
    }

    @Test
    void accessLogLineHasNoSecrets() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(AccessLog.class)) {
            String token = api.tokenFor(api.admin);
            getWithRequestId("/api/v1/clients?limit=5", "log-1", token);
            api.send(api.request("/api/v1/auth/login", null).header("X-Request-Id", "log-2")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"admin@example.test\",\"password\":\"" + TestApi.PASSWORD + "\"}"))
                    .build());

            List<ILoggingEvent> first = logs.await(e -> e.getFormattedMessage().contains("log-1"));
            List<ILoggingEvent> second = logs.await(e -> e.getFormattedMessage().contains("log-2"));

            assertThat(first).hasSize(1);
            assertThat(first.get(0).getFormattedMessage()).matches("GET /api/v1/clients 200 \\d+ ms request_id=log-1");
            assertThat(first.get(0).getMDCPropertyMap()).containsEntry(RequestContext.MDC_KEY, "log-1");
            assertThat(second).hasSize(1);
            assertThat(second.get(0).getFormattedMessage()).startsWith("POST /api/v1/auth/login 200 ");
            for (ILoggingEvent event : logs.events()) {
                assertThat(event.getFormattedMessage()).doesNotContain(token).doesNotContain(TestApi.PASSWORD)
                        .doesNotContain("limit=5");
            }
        }
    }
}
