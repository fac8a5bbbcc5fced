package ai.evo.core.bootstrap;

import ai.evo.core.http.AccessTokens;
import ai.evo.core.persistence.EmbeddedDatabase;
import ai.evo.core.persistence.SecretKeysets;
import ai.evo.core.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole service as {@code Main} starts it, on a fresh test database of the shared embedded PostgreSQL, with
 * its mail sent over SMTP to GreenMail on loopback. Tests read one-time tokens from the mails GreenMail
 * received.
 */
final class RunningService implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@example.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final String PUBLIC_URL = "https://evo.example.test";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    final TestDatabase database;
    final GreenMail greenMail;
    final EvoService service;
    final Jdbi jdbi;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final boolean ownsDatabase;

    private RunningService(Path directory, Map<String, String> overrides, TestDatabase shared) {
        ownsDatabase = shared == null;
        database = shared == null ? TestDatabase.create() : shared;
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        Path jwtKeyset = directory.resolve("jwt-keyset.json");
        Path secretsKeyset = directory.resolve("secrets-keyset.json");
        if (Files.notExists(jwtKeyset)) {
            AccessTokens.load(jwtKeyset, true, Duration.ofMinutes(5), Clock.systemUTC());
        }
        SecretKeysets.loadOrCreate(secretsKeyset);
        Map<String, String> environment = new HashMap<>();
        environment.put("EVO_HTTP_HOST", "127.0.0.1");
        environment.put("EVO_HTTP_PORT", "0");
        environment.put("EVO_PUBLIC_URL", PUBLIC_URL);
        environment.put("EVO_DB_URL", TestDatabase.server().jdbcUrl(database.name()));
        environment.put("EVO_DB_USER", EmbeddedDatabase.USER);
        environment.put("EVO_DB_POOL_SIZE", "30");
        environment.put("EVO_DATA_DIR", directory.toString());
        environment.put("EVO_JWT_KEYSET_FILE", jwtKeyset.toString());
        environment.put("EVO_SECRETS_KEYSET_FILE", secretsKeyset.toString());
        environment.put("EVO_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("EVO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("EVO_BCRYPT_COST", "4");
        environment.put("EVO_LOGIN_CONCURRENCY", "16");
        environment.put("EVO_SMTP_HOST", "127.0.0.1");
        environment.put("EVO_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()));
        environment.put("EVO_SMTP_TLS", "none");
        environment.put("EVO_SMTP_FROM", "no-reply@example.test");
        environment.putAll(overrides);
        service = EvoService.start(ServiceConfig.from(environment), Clock.systemUTC());
        DataSource dataSource = database.unpooledDataSource();
        jdbi = Jdbi.create(dataSource);
    }

    static RunningService start(Path directory) {
        return new RunningService(directory, Map.of(), null);
    }

    static RunningService start(Path directory, Map<String, String> overrides) {
        return new RunningService(directory, overrides, null);
    }

    /**
     * Starts a second instance on this instance's database and keysets, as a deployment with several instances
     * runs. Closing it leaves the database to this instance.
     */
    RunningService startPeer(Path directory) {
        return new RunningService(directory, Map.of(), database);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + pathAndQuery);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String token, String json) {
        return send(method, pathAndQuery, token, json, Map.of());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String token, String json,
                              Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("response body is not JSON: " + response.body(), e);
        }
    }

    static String body(Object... keysAndValues) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in and returns the access token, failing the test on any other status than 200. */
    String login(String email, String password) {
        HttpResponse<String> response = send("POST", "/api/v1/auth/login", null,
                body("email", email, "password", password));
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + email + " returned " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /** Returns the bodies of every mail received so far for a recipient, oldest first. */
    List<String> mailsTo(String recipient) {
        List<String> bodies = new java.util.ArrayList<>();
        try {
            for (MimeMessage mail : greenMail.getReceivedMessages()) {
                if (mail.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                    bodies.add(((String) mail.getContent()).replace("\r\n", "\n"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
        return bodies;
    }

    /**
     * Waits until a recipient has received more than {@code before} mails and returns the newest. The outbox
     * is delivered every two seconds, so this waits up to 30 seconds.
     */
    String awaitMailTo(String recipient, int before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> bodies = mailsTo(recipient);
            if (bodies.size() > before) {
                return bodies.get(bodies.size() - 1);
            }
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no new mail to " + recipient + " within 30 seconds");
    }

    /** Returns the one-time token in a mail body. */
    static String tokenIn(String mailBody) {
        Matcher matcher = TOKEN.matcher(mailBody);
        if (!matcher.find()) {
            throw new AssertionError("the mail carries no token: " + mailBody);
        }
        return matcher.group();
    }

    @Override
    public void close() {
        service.close();
        greenMail.stop();
        if (ownsDatabase) {
            database.close();
        }
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("evo-service-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
