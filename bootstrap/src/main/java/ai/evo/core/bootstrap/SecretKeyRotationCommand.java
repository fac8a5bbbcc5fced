package ai.evo.core.bootstrap;

import ai.evo.core.persistence.ConnectionPools;
import ai.evo.core.persistence.ConnectionSettings;
import ai.evo.core.persistence.EmbeddedDatabase;
import ai.evo.core.persistence.SecretRotation;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar evo-ai.jar rotate-secrets-key}: connects to the service's database with the service's own
 * configuration and runs {@link SecretRotation}. With an external database it connects there. In embedded mode it
 * connects to the embedded PostgreSQL of a running service, found through the port that PostgreSQL records in
 * {@code postmaster.pid}, or starts that embedded server itself when no service is running.
 */
final class SecretKeyRotationCommand {
    private static final Logger log = LoggerFactory.getLogger(SecretKeyRotationCommand.class);
    /** Line of {@code postmaster.pid} that contains the port, counted from 0 (PostgreSQL 10 and later). */
    private static final int PID_FILE_PORT_LINE = 3;

    private SecretKeyRotationCommand() {
    }

    static SecretRotation.Result run(ServiceConfig config) {
        if (!Files.exists(config.secretsKeysetFile())) {
            throw new ConfigurationException("the secrets keyset " + config.secretsKeysetFile() + " ("
                    + Setting.SECRETS_KEYSET_FILE.variable() + ") does not exist; start the service once first");
        }
        if (!config.embedded()) {
            ServiceConfig.ExternalDatabase external = config.database().orElseThrow();
            return rotate(ConnectionSettings.of(external.url(), external.user(), external.password()), config);
        }
        Path dataDirectory = config.dataDir().resolve("postgres");
        Optional<Integer> runningPort = runningPort(dataDirectory);
        if (runningPort.isPresent()) {
            log.info("Using the embedded PostgreSQL of the running service on port {}", runningPort.get());
            String url = "jdbc:postgresql://localhost:" + runningPort.get() + "/" + EvoService.EMBEDDED_DATABASE_NAME;
            return rotate(ConnectionSettings.of(url, EmbeddedDatabase.USER, ""), config);
        }
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDirectory, 0)) {
            return rotate(embedded.connectionSettings(EvoService.EMBEDDED_DATABASE_NAME), config);
        }
    }

    private static SecretRotation.Result rotate(ConnectionSettings connection, ServiceConfig config) {
        try (HikariDataSource pool = ConnectionPools.open(connection.withMaximumPoolSize(2))) {
            return new SecretRotation(pool, config.secretsKeysetFile(), SecretRotation.DEFAULT_BATCH_SIZE).run();
        }
    }

    private static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return Optional.of(Integer.parseInt(lines.get(PID_FILE_PORT_LINE).strip()));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the port of the running embedded PostgreSQL from " + pidFile
                    + ": " + e.getMessage() + "; stop the service and run the command again", e);
        }
    }
}
