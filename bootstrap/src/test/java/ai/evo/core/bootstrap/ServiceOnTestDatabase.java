package ai.evo.core.bootstrap;

import ai.evo.core.http.AccessTokens;
import ai.evo.core.persistence.SecretKeysets;
import ai.evo.core.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service, started by {@link EvoService} on a loopback port over a fresh embedded PostgreSQL
 * database, with keysets generated in a temporary folder and an admin whose password the tests know.
 */
final class ServiceOnTestDatabase implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@example.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final ObjectMapper JSON = new ObjectMapper();

    final TestDatabase database;
    final ServiceConfig config;
    final EvoService service;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceOnTestDatabase(TestDatabase database, ServiceConfig config, EvoService service) {
        this.database = database;
        this.config = config;
        this.service = service;
    }

    static ServiceOnTestDatabase start() {
        TestDatabase database = TestDatabase.create();
        return start(database, database.connectionSettings().jdbcUrl());
    }

    static ServiceOnTestDatabase start(TestDatabase database, String jdbcUrl) {
        ServiceConfig config = config(jdbcUrl);
        return new ServiceOnTestDatabase(database, config, EvoService.start(config, Clock.systemUTC()));
    }

    /** Returns a configuration for a database URL, with new keysets in a temporary folder. */
    static ServiceConfig config(String jdbcUrl) {
        try {
            Path keys = Files.createTempDirectory("evo-ai-test-keys-");
            Path secrets = keys.resolve("secrets-keyset.json");
            Path jwt = keys.resolve("jwt-keyset.json");
            SecretKeysets.loadOrCreate(secrets);
            AccessTokens.load(jwt, true, Duration.ofMinutes(30), Clock.systemUTC());
            Map<String, String> environment = new HashMap<>();
            environment.put("EVO_HTTP_HOST", "127.0.0.1");
            environment.put("EVO_HTTP_PORT", "0");
            environment.put("EVO_DB_URL", jdbcUrl);
            environment.put("EVO_DB_USER", "postgres");
            environment.put("EVO_DB_POOL_SIZE", "4");
            environment.put("EVO_SECRETS_KEYSET_FILE", secrets.toString());
            environment.put("EVO_JWT_KEYSET_FILE", jwt.toString());
            environment.put("EVO_ADMIN_EMAIL", ADMIN_EMAIL);
            environment.put("EVO_ADMIN_PASSWORD", ADMIN_PASSWORD);
            environment.put("EVO_BCRYPT_COST", "4");
            environment.put("EVO_DATA_DIR", keys.toString());
            return ServiceConfig.from(environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String adminToken() {
        HttpResponse<String> response = send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", Map.of());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> send(String method, String pathAndQuery, String token, String body,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, null, Map.of());
    }

    HttpResponse<String> post(String pathAndQuery, String token, String body) {
        return send("POST", pathAndQuery, token, body, Map.of());
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        service.close();
        database.close();
    }
}
