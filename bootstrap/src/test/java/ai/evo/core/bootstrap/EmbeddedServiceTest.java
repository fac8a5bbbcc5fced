package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode: the service runs its own PostgreSQL in the data folder and keeps data across restarts. */
class EmbeddedServiceTest {
    private static final String PASSWORD = "embedded admin passphrase";

    private static ServiceConfig config(Path dataDir) {
        return ServiceConfig.from(Map.of(
                "EVO_DATA_DIR", dataDir.toString(),
                "EVO_HTTP_HOST", "127.0.0.1",
                "EVO_HTTP_PORT", "0",
                "EVO_BCRYPT_COST", "4",
                "EVO_ADMIN_EMAIL", "admin@example.test",
                "EVO_ADMIN_PASSWORD", PASSWORD));
    }

    private static HttpResponse<String> post(int port, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(int port) throws IOException, InterruptedException {
        String body = post(port, "/api/v1/auth/login", null,
                "{\"email\":\"admin@example.test\",\"password\":\"" + PASSWORD + "\"}").body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static String listClients(int port, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clients"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void dataAndKeysetsSurviveRestart(@TempDir Path dataDir) throws Exception {
        String tokenBeforeRestart;
        try (EvoService first = EvoService.start(config(dataDir), Clock.systemUTC())) {
            tokenBeforeRestart = login(first.httpPort());
            HttpResponse<String> created = post(first.httpPort(), "/api/v1/clients", tokenBeforeRestart,
                    "{\"name\":\"Survivor\",\"email\":\"s@survivor.example\"}");
            assertThat(created.statusCode()).isEqualTo(201);
        }

        try (EvoService second = EvoService.start(config(dataDir), Clock.systemUTC())) {
            assertThat(listClients(second.httpPort(), tokenBeforeRestart)).contains("Survivor");
        }

        Path keyset = dataDir.resolve("keys/jwt-keyset.json");
        assertThat(Files.getPosixFilePermissions(keyset))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/secrets-keyset.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void malformedKeysetStopsStartNamingIt(@TempDir Path dataDir) throws Exception {
        Files.createDirectories(dataDir.resolve("keys"));
        Path keyset = dataDir.resolve("keys/jwt-keyset.json");
        Files.writeString(keyset, "{not a keyset");
        Files.setPosixFilePermissions(keyset, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        assertThatThrownBy(() -> EvoService.start(config(dataDir), Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(keyset.toString())
                .hasMessageContaining("EVO_JWT_KEYSET_FILE");
    }
}
