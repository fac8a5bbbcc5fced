package ai.evo.core.bootstrap;

import ai.evo.core.application.agent.AgentService;
import ai.evo.core.application.audit.AuditLogService;
import ai.evo.core.application.auth.AdminBootstrap;
import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.auth.IdentityDependencies;
import ai.evo.core.application.auth.IdentitySettings;
import ai.evo.core.application.auth.PasswordService;
import ai.evo.core.application.auth.RegistrationService;
import ai.evo.core.application.catalog.McpServerService;
import ai.evo.core.application.catalog.ToolService;
import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.contact.ContactService;
import ai.evo.core.application.mail.MailDispatcher;
import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.user.UserService;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.domain.mail.MailSender;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.PasswordPolicy;
import ai.evo.core.domain.user.PasswordRules;
import ai.evo.core.http.AccessTokens;
import ai.evo.core.http.HttpApi;
import ai.evo.core.http.HttpServices;
import ai.evo.core.http.HttpSettings;
import ai.evo.core.mail.LoggingMailSender;
import ai.evo.core.mail.OutboxDelivery;
import ai.evo.core.mail.SmtpMailSender;
import ai.evo.core.passwords.BreachedPasswordDictionary;
import ai.evo.core.persistence.ConnectionPools;
import ai.evo.core.persistence.ConnectionSettings;
import ai.evo.core.persistence.DatabaseMigrations;
import ai.evo.core.persistence.EmbeddedDatabase;
import ai.evo.core.persistence.PostgresPersistence;
import ai.evo.core.persistence.SecretKeysets;
import ai.evo.core.persistence.WatchedKeyset;
import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: database, repositories, use cases, mail delivery and HTTP API, wired from a
 * {@link ServiceConfig}. Start order is database, migrations, admin account, mail delivery, HTTP;
 * {@link #close()} stops in reverse order.
 */
final class EvoService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvoService.class);
    /** Name of the database the service uses inside embedded PostgreSQL. */
    static final String EMBEDDED_DATABASE_NAME = "evo";
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration OUTBOX_INTERVAL = Duration.ofSeconds(2);
    private static final int OUTBOX_BATCH_SIZE = 20;

    private final Deque<AutoCloseable> resources;
    private final int httpPort;

    private EvoService(Deque<AutoCloseable> resources, int httpPort) {
        this.resources = resources;
        this.httpPort = httpPort;
    }

    /**
     * Starts every part of the service. When a step fails, the parts already started are stopped again.
     *
     * @param config the configuration
     * @param clock  the clock every part reads
     * @return the running service
     * @throws ConfigurationException when a keyset or another configured resource is missing or invalid
     */
    static EvoService start(ServiceConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return startParts(config, clock, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static EvoService startParts(ServiceConfig config, Clock clock, Deque<AutoCloseable> resources) {
        String databaseKind;
        ConnectionSettings connection;
        if (config.embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir().resolve("postgres"), 0);
            resources.push(embedded);
            embedded.createDatabaseIfMissing(EMBEDDED_DATABASE_NAME);
            connection = embedded.connectionSettings(EMBEDDED_DATABASE_NAME);
            databaseKind = "embedded PostgreSQL in " + embedded.dataDirectory();
        } else {
            ServiceConfig.ExternalDatabase external = config.database().orElseThrow();
            connection = ConnectionSettings.of(external.url(), external.user(), external.password());
            databaseKind = "PostgreSQL at " + external.url();
        }
        HikariDataSource pool = ConnectionPools.open(connection.withMaximumPoolSize(config.poolSize()));
        resources.push(pool);
        DatabaseMigrations.SchemaVersion schema = DatabaseMigrations.migrate(pool);

        if (config.generateKeysets()) {
            createPrivateDirectory(config.secretsKeysetFile().toAbsolutePath().getParent());
            createPrivateDirectory(config.jwtKeysetFile().toAbsolutePath().getParent());
        }
        KeysetHandle secretsKeyset = loadSecretsKeyset(config);
        // The service re-reads the keyset file when it changes, so a key rotation run beside it takes effect
        // without a restart.
        PostgresPersistence persistence = new PostgresPersistence(pool,
                new WatchedKeyset(config.secretsKeysetFile(), secretsKeyset), config.bcryptCost());
        resources.push(persistence);
        AccessTokens tokens = loadAccessTokens(config, clock);

        IdGenerator ids = new TimeOrderedIdGenerator(clock);
        AuditRecorder audit = new AuditRecorder(persistence.auditTrail(), ids);
        PasswordPolicy passwordPolicy = new PasswordPolicy(config.passwordMinLength(), PasswordPolicy.DEFAULT.maxLength());
        LockoutPolicy lockout = new LockoutPolicy(config.lockoutThreshold(), config.lockoutDuration());

        ensureAdmin(config, new AdminBootstrap(persistence.transactions(), persistence.users(),
                persistence.passwordHasher(), passwordPolicy, audit, ids));

        IdentityDependencies identity = new IdentityDependencies(persistence.transactions(), persistence.users(),
                persistence.clients(), persistence.oneTimeTokens(), persistence.mailOutbox(),
                persistence.passwordHasher(), new PasswordRules(passwordPolicy, BreachedPasswordDictionary.load()),
                lockout, audit, ids, clock, new IdentitySettings(config.publicUrl(), config.verificationLifetime(),
                        config.resetLifetime()));
        OutboxDelivery delivery = new OutboxDelivery(new MailDispatcher(persistence.mailOutbox(), mailSender(config),
                clock, MailDispatcher.RetrySchedule.DEFAULT), OUTBOX_INTERVAL, OUTBOX_BATCH_SIZE);
        resources.push(delivery);

        HttpServices services = new HttpServices(
                new AuthenticationService(identity),
                new RegistrationService(identity),
                new PasswordService(identity),
                new UserService(identity),
                new ClientService(persistence.transactions(), persistence.clients(), audit, ids),
                new AuditLogService(persistence.auditTrail()),
                new AgentService(persistence.transactions(), persistence.agents(), persistence.clients(),
                        persistence.tools(), persistence.mcpServers(), audit, ids),
                new ContactService(persistence.transactions(), persistence.contacts(), persistence.clients(), audit,
                        ids),
                new ToolService(persistence.transactions(), persistence.tools(), persistence.agents(), audit, ids),
                new McpServerService(persistence.transactions(), persistence.mcpServers(), persistence.agents(),
                        audit, ids));
        HttpSettings.PasswordHashingLimits hashing = new HttpSettings.PasswordHashingLimits(config.loginConcurrency(),
                2 * config.loginConcurrency(), Duration.ofSeconds(2));
        HttpSettings httpSettings = new HttpSettings(config.httpHost(), config.httpPort(), config.maxBodyBytes(),
                config.shutdownTimeout(), config.trustedProxies(), hashing, HttpSettings.DEFAULT_ACCESS_STATE_TTL);
        HttpApi http = HttpApi.create(httpSettings, services, tokens, () -> persistence.isReady(READINESS_TIMEOUT));
        int port = http.start();
        resources.push(http::stop);

        log.info("Evo AI Core started: HTTP port {}, database {}, schema at change set {} ({} applied, {} new)",
                port, databaseKind, schema.latestChangeSet(), schema.appliedChangeSets(), schema.appliedNow());
        return new EvoService(resources, port);
    }

    private static MailSender mailSender(ServiceConfig config) {
        if (config.smtp().isEmpty()) {
            log.warn("No SMTP server is configured ({} is unset), so mail, one-time links included, is written to"
                    + " the log instead of being sent", Setting.SMTP_HOST.variable());
            return new LoggingMailSender();
        }
        try {
            log.info("Sending mail through {}", config.smtp().get());
            return new SmtpMailSender(config.smtp().get());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid SMTP settings: " + e.getMessage() + "; check the "
                    + Setting.SMTP_FROM.variable() + " and other EVO_SMTP_ variables", e);
        }
    }

    private static void createPrivateDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot create the keyset folder " + directory + ": " + e.getMessage()
                    + "; check that " + Setting.DATA_DIR.variable() + " is writable", e);
        }
    }

    private static KeysetHandle loadSecretsKeyset(ServiceConfig config) {
        try {
            return config.generateKeysets()
                    ? SecretKeysets.loadOrCreate(config.secretsKeysetFile())
                    : SecretKeysets.load(config.secretsKeysetFile());
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot use the secrets keyset " + config.secretsKeysetFile() + " ("
                    + Setting.SECRETS_KEYSET_FILE.variable() + "): " + e.getMessage(), e);
        }
    }

    private static AccessTokens loadAccessTokens(ServiceConfig config, Clock clock) {
        try {
            return AccessTokens.load(config.jwtKeysetFile(), config.generateKeysets(), config.tokenLifetime(), clock);
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot use the token keyset " + config.jwtKeysetFile() + " ("
                    + Setting.JWT_KEYSET_FILE.variable() + "): " + e.getMessage(), e);
        }
    }

    private static void ensureAdmin(ServiceConfig config, AdminBootstrap bootstrap) {
        bootstrap.ensureAdmin(config.adminEmail(), config.adminPassword().orElse(null)).ifPresent(created -> {
            if (created.generatedPassword().isPresent()) {
                log.warn("Created admin {} with the generated password {} ; it is shown only this once, so store it"
                        + " now or set {} before the first start", created.user().email(),
                        created.generatedPassword().get(), Setting.ADMIN_PASSWORD.variable());
            } else {
                log.info("Created admin {} with the password from {}", created.user().email(),
                        Setting.ADMIN_PASSWORD.variable());
            }
        });
    }

    /** Returns the port the HTTP API listens on. */
    int httpPort() {
        return httpPort;
    }

    /** Stops the HTTP API (letting requests in flight finish), closes the pool and stops embedded PostgreSQL. */
    @Override
    public void close() {
        log.info("Stopping Evo AI Core");
        closeAll(resources);
        log.info("Evo AI Core stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Failed to close {} during shutdown", resource, e);
            }
        }
    }
}
