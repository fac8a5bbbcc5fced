package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.http.AccessTokens;
import ai.evo.core.persistence.ConnectionSettings;
import ai.evo.core.persistence.SecretKeysets;
import ai.evo.core.persistence.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as a separate process against an external database: it starts, and SIGTERM stops it cleanly. */
class ProcessLifecycleTest {

    private static boolean waitForLine(List<String> lines, String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(line -> line.contains(fragment))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void sigtermStopsServiceCleanly(@TempDir Path keys) throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Path jwt = keys.resolve("jwt.json");
            Path secrets = keys.resolve("secrets.json");
            AccessTokens.load(jwt, true, Duration.ofMinutes(30), Clock.systemUTC());
            SecretKeysets.loadOrCreate(secrets);
            ConnectionSettings connection = database.connectionSettings();

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName());
            builder.redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.put("EVO_DB_URL", connection.jdbcUrl());
            environment.put("EVO_DB_USER", connection.username());
            environment.put("EVO_DB_PASSWORD", connection.password() == null ? "" : connection.password());
            environment.put("EVO_JWT_KEYSET_FILE", jwt.toString());
            environment.put("EVO_SECRETS_KEYSET_FILE", secrets.toString());
            environment.put("EVO_HTTP_HOST", "127.0.0.1");
            environment.put("EVO_HTTP_PORT", "0");
            environment.put("EVO_BCRYPT_COST", "4");
            environment.put("EVO_ADMIN_EMAIL", "admin@example.test");
            environment.remove("EVO_ADMIN_PASSWORD");

            Process process = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (java.io.IOException e) {
                    output.add("reader failed: " + e);
                }
            });
            reader.start();
            try {
                assertThat(waitForLine(output, "Evo AI Core started", Duration.ofSeconds(60)))
                        .as("start line in %s", output).isTrue();

                // Process.destroy() would also close this side's pipes and lose the shutdown log lines.
                assertThat(process.toHandle().destroy()).isTrue();

                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(5_000);
                assertThat(output).anyMatch(line -> line.contains("HTTP API stopped"));
                assertThat(output).anyMatch(line -> line.contains("Evo AI Core stopped"));
                assertThat(output).anyMatch(line -> line.contains("generated password"));
                assertThat(output).noneMatch(line -> line.contains("ERROR"));
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
