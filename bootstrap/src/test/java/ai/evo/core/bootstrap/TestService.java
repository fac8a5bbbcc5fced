package ai.evo.core.bootstrap;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.persistence.BcryptPasswordHasher;
import ai.evo.core.http.AccessTokens;
import ai.evo.core.persistence.ConnectionSettings;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole service, wired by {@link EvoService} as in production, on a fresh migrated database of the shared
 * embedded PostgreSQL test server and a free loopback port, with an HTTP client to call it.
 *
 * <p>Start one per test class in {@code @BeforeAll} and close it in {@code @AfterAll}. bcrypt runs at cost 4 so
 * logins stay fast; keysets are generated in a temporary folder.
 */
final class TestService implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@example.test";
    static final String ADMIN_PASSWORD = "admin passphrase for tests";
    static final String USER_PASSWORD = "client user passphrase";
    static final int LOCKOUT_THRESHOLD = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BCRYPT_COST = 4;

    private final TestDatabase database;
    private final Path keys;
    private final EvoService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(BCRYPT_COST);

    private TestService(TestDatabase database, Path keys, EvoService service) {
        this.database = database;
        this.keys = keys;
        this.service = service;
    }

    /** Starts the service on a new database. */
    static TestService start() {
        TestDatabase database = TestDatabase.create();
        try {
            Path keys = Files.createTempDirectory("evo-test-keys");
            EvoService service = EvoService.start(config(database.connectionSettings(), keys), Clock.systemUTC());
            return new TestService(database, keys, service);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceConfig config(ConnectionSettings connection, Path keys) {
        Path jwt = keys.resolve("jwt.json");
        Path secrets = keys.resolve("secrets.json");
        AccessTokens.load(jwt, true, Duration.ofMinutes(30), Clock.systemUTC());
        SecretKeysets.loadOrCreate(secrets);
        return ServiceConfig.from(Map.ofEntries(
                Map.entry("EVO_HTTP_HOST", "127.0.0.1"),
                Map.entry("EVO_HTTP_PORT", "0"),
                Map.entry("EVO_DB_URL", connection.jdbcUrl()),
                Map.entry("EVO_DB_USER", connection.username()),
                Map.entry("EVO_DB_PASSWORD", connection.password() == null ? "" : connection.password()),
                Map.entry("EVO_DB_POOL_SIZE", "4"),
                Map.entry("EVO_DATA_DIR", keys.toString()),
                Map.entry("EVO_JWT_KEYSET_FILE", jwt.toString()),
                Map.entry("EVO_SECRETS_KEYSET_FILE", secrets.toString()),
                Map.entry("EVO_ADMIN_EMAIL", ADMIN_EMAIL),
                Map.entry("EVO_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("EVO_BCRYPT_COST", String.valueOf(BCRYPT_COST)),
                Map.entry("EVO_LOCKOUT_THRESHOLD", String.valueOf(LOCKOUT_THRESHOLD)),
                Map.entry("EVO_SHUTDOWN_TIMEOUT_SECONDS", "5")));
    }

    /** Returns the database behind the service, for checks that read tables directly. */
    TestDatabase database() {
        return database;
    }

    /** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + service.httpPort();
    }

    /**
     * Inserts an active, verified user of a client straight into the database.
     *
     * @param clientId the client
     * @param email    the email
     * @return the new user's id
     */
    UserId addClientUser(ClientId clientId, String email) {
        UserId id = new UserId(UUID.randomUUID());
        database.persistence().users().insert(new NewUser(id, EmailAddress.parse("email", email),
                hasher.hash(USER_PASSWORD), clientId, true, true, false));
        return id;
    }

    /** Signs in and returns the access token, failing the test when login does not answer 200. */
    String login(String email, String password) {
        Response response = post("/api/v1/auth/login", null,
                "{\"email\":" + quote(email) + ",\"password\":" + quote(password) + "}");
        if (response.status() != 200) {
            throw new AssertionError("login of " + email + " answered " + response.status() + ": " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    /** Signs in as the bootstrap admin. */
    String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, "application/json");
    }

    Response post(String path, String token, String body) {
        return send("POST", path, token, body, "application/json");
    }

    Response put(String path, String token, String body) {
        return send("PUT", path, token, body, "application/json");
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null, "application/json");
    }

    /**
     * Sends a request.
     *
     * @param method      the HTTP method
     * @param path        the path and query
     * @param token       a bearer token, or null for none
     * @param body        the body, or null for none
     * @param contentType the body's content type
     * @return the response
     */
    Response send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + path, e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        database.close();
    }

    /** A response with its body read as text. */
    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + raw.body(), e);
            }
        }
    }
}
