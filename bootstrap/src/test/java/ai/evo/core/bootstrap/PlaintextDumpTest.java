package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole service on embedded PostgreSQL and stores agents, tools and MCP servers with known secrets
 * through the HTTP API. Then it searches every HTTP response, every row of every table (audit rows included) and
 * every log line the service wrote for those secrets in clear.
 */
class PlaintextDumpTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final List<String> SECRETS = List.of("sk-test-AAAAAAAAAAAAAAAA", "tok-test-BBBBBBBB",
            "tool-env-CCCCCCCC", "mcp-env-DDDDDDDD", "sk-new-EEEEEEEEEEEE");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> responses = new ArrayList<>();
    private EvoService service;
    private String token;

    @BeforeEach
    void start() throws Exception {
        logs.start();
        rootLogger().addAppender(logs);
        ServiceConfig config = ServiceConfig.from(Map.of(
                "EVO_DATA_DIR", dataDir.toString(),
                "EVO_HTTP_HOST", "127.0.0.1",
                "EVO_HTTP_PORT", "0",
                "EVO_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "EVO_BCRYPT_COST", "4"));
        service = EvoService.start(config, Clock.systemUTC());
        token = JSON.readTree(send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"admin@evo.local\",\"password\":\"" + ADMIN_PASSWORD + "\"}").body())
                .get("access_token").asText();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        rootLogger().detachAppender(logs);
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response.headers().map() + " " + response.body());
        return response;
    }

    private String create(String path, String body) throws Exception {
        HttpResponse<String> response = send("POST", path, token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private String dumpEveryTable() throws SQLException, IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/" + EvoService.EMBEDDED_DATABASE_NAME;
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident("
                         + "table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND"
                         + " table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).anyMatch(table -> table.endsWith("agent")).anyMatch(table -> table.endsWith("audit_log"));
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        dump.append(table).append(' ').append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            text.append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void noSecretAppearsInClear() throws Exception {
        String clientId = create("/api/v1/clients", "{\"name\":\"Acme\",\"email\":\"ops@acme.test\"}");
        String toolId = create("/api/v1/tools", "{\"name\":\"search\",\"environments\":{\"SEARCH_KEY\":\""
                + SECRETS.get(2) + "\"}}");
        String serverId = create("/api/v1/mcp-servers", "{\"name\":\"files\",\"type\":\"official\","
                + "\"environments\":{\"API_TOKEN\":\"" + SECRETS.get(3) + "\"},\"tools\":[\"read\"]}");
        String agentId = create("/api/v1/agents", "{\"client_id\":\"" + clientId + "\",\"name\":\"bot\","
                + "\"type\":\"llm\",\"model\":\"gpt-4o\",\"api_key\":\"" + SECRETS.get(0) + "\",\"config_json\":{"
                + "\"tools\":[{\"id\":\"" + toolId + "\",\"envs\":{\"SEARCH_KEY\":\"" + SECRETS.get(2) + "\"}}],"
                + "\"mcp_servers\":[{\"id\":\"" + serverId + "\",\"envs\":{\"API_TOKEN\":\"" + SECRETS.get(1)
                + "\"},\"tools\":[\"read\"]}]}}");
        send("GET", "/api/v1/agents/" + agentId, token, null);
        send("GET", "/api/v1/agents?client_id=" + clientId, token, null);
        send("PUT", "/api/v1/agents/" + agentId, token, "{\"api_key\":\"****AAAA\"}");
        HttpResponse<String> invalid = send("PUT", "/api/v1/agents/" + agentId, token, "{\"model\":\"\"}");
        send("PUT", "/api/v1/agents/" + agentId, token, "{\"api_key\":\"" + SECRETS.get(4) + "\"}");
        send("PUT", "/api/v1/agents/" + agentId, token, "{\"api_key\":\"bad\\u0000" + SECRETS.get(4) + "\"}");
        send("GET", "/api/v1/tools", token, null);
        send("GET", "/api/v1/mcp-servers/" + serverId, token, null);
        send("GET", "/api/v1/admin/audit-logs", token, null);

        String dump = dumpEveryTable();
        String log = logText();

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(dump).contains("audit_log").contains("****EEEE");
        assertThat(log).contains("Evo AI Core started");
        for (String secret : SECRETS) {
            assertThat(dump).as("database dump").doesNotContain(secret);
            assertThat(log).as("service log").doesNotContain(secret);
            assertThat(String.join("\n", responses)).as("HTTP responses").doesNotContain(secret);
        }
    }
}
