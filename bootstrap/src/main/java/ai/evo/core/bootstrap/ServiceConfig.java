package ai.evo.core.bootstrap;

import ai.evo.core.mail.SmtpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service's configuration, read from environment variables. Every value is checked at start, so a typo
 * stops the service with a message naming the variable instead of failing later.
 *
 * @param httpHost              address to bind
 * @param httpPort              port to bind
 * @param publicUrl             public base URL
 * @param database              the external database, or empty for embedded PostgreSQL
 * @param poolSize              maximum pooled connections
 * @param dataDir               folder for embedded data and generated keysets
 * @param adminEmail            email of the bootstrap admin
 * @param adminPassword         password of the bootstrap admin, or empty to generate one
 * @param jwtKeysetFile         keyset that signs tokens
 * @param secretsKeysetFile     keyset that encrypts secrets at rest
 * @param generateKeysets       whether missing keysets are generated (embedded mode with default paths)
 * @param tokenLifetime         lifetime of an access token
 * @param bcryptCost            bcrypt cost factor
 * @param passwordMinLength     minimum password length
 * @param lockoutThreshold      failed logins that lock an account
 * @param lockoutDuration       how long a lock lasts
 * @param maxBodyBytes          largest request body
 * @param shutdownTimeout       how long a stop waits for requests in flight
 * @param trustedProxies        proxies whose forwarding headers are trusted
 * @param verificationLifetime  lifetime of an email verification token
 * @param resetLifetime         lifetime of a password reset token
 * @param loginConcurrency      requests that run bcrypt at once
 * @param smtp                  the SMTP server, or empty to log mail instead
 */
record ServiceConfig(
        String httpHost,
        int httpPort,
        String publicUrl,
        Optional<ExternalDatabase> database,
        int poolSize,
        Path dataDir,
        String adminEmail,
        Optional<String> adminPassword,
        Path jwtKeysetFile,
        Path secretsKeysetFile,
        boolean generateKeysets,
        Duration tokenLifetime,
        int bcryptCost,
        int passwordMinLength,
        int lockoutThreshold,
        Duration lockoutDuration,
        long maxBodyBytes,
        Duration shutdownTimeout,
        Set<String> trustedProxies,
        Duration verificationLifetime,
        Duration resetLifetime,
        int loginConcurrency,
        Optional<SmtpSettings> smtp) {

    /** Time limit of one SMTP connect, read or write. */
    static final Duration SMTP_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Connection settings of an external PostgreSQL server.
     *
     * @param url      the JDBC URL
     * @param user     the user, possibly empty when the URL carries it
     * @param password the password, possibly empty
     */
    record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return "ExternalDatabase[url=" + url + ", user=" + user + "]";
        }
    }

    /**
     * Reads and checks the configuration.
     *
     * @param environment the environment variables
     * @return the configuration
     * @throws ConfigurationException naming the first invalid variable
     */
    static ServiceConfig from(Map<String, String> environment) {
        Reader reader = new Reader(environment);
        Optional<ExternalDatabase> database = reader.optional(Setting.DB_URL).map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigurationException(Setting.DB_URL.variable() + " must be a PostgreSQL JDBC URL such as"
                        + " jdbc:postgresql://localhost:5432/evo, got " + url);
            }
            return new ExternalDatabase(url, reader.text(Setting.DB_USER), reader.text(Setting.DB_PASSWORD));
        });
        Path dataDir = Path.of(reader.text(Setting.DATA_DIR)).toAbsolutePath().normalize();
        Optional<String> jwtFile = reader.optional(Setting.JWT_KEYSET_FILE);
        Optional<String> secretsFile = reader.optional(Setting.SECRETS_KEYSET_FILE);
        if (database.isPresent() && (jwtFile.isEmpty() || secretsFile.isEmpty())) {
            throw new ConfigurationException("with " + Setting.DB_URL.variable() + " set, name both keyset files in "
                    + Setting.JWT_KEYSET_FILE.variable() + " and " + Setting.SECRETS_KEYSET_FILE.variable()
                    + "; every instance sharing the database must use the same keysets");
        }
        Path keys = dataDir.resolve("keys");
        String publicUrl = reader.text(Setting.PUBLIC_URL);
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new ConfigurationException(Setting.PUBLIC_URL.variable() + " must be an http:// or https:// URL"
                    + " such as https://evo.example.com, got " + publicUrl);
        }
        int loginConcurrency = reader.integer(Setting.LOGIN_CONCURRENCY, 0, 1_000);
        return new ServiceConfig(
                reader.text(Setting.HTTP_HOST),
                reader.integer(Setting.HTTP_PORT, 0, 65_535),
                publicUrl,
                database,
                reader.integer(Setting.DB_POOL_SIZE, 1, 1_000),
                dataDir,
                reader.text(Setting.ADMIN_EMAIL),
                reader.optional(Setting.ADMIN_PASSWORD),
                jwtFile.map(Path::of).orElse(keys.resolve("jwt-keyset.json")),
                secretsFile.map(Path::of).orElse(keys.resolve("secrets-keyset.json")),
                database.isEmpty(),
                Duration.ofMinutes(reader.integer(Setting.TOKEN_LIFETIME_MINUTES, 1, 24 * 60)),
                reader.integer(Setting.BCRYPT_COST, 4, 31),
                reader.integer(Setting.PASSWORD_MIN_LENGTH, 8, 1024),
                reader.integer(Setting.LOCKOUT_THRESHOLD, 1, 1_000),
                Duration.ofMinutes(reader.integer(Setting.LOCKOUT_MINUTES, 1, 7 * 24 * 60)),
                reader.integer(Setting.MAX_BODY_BYTES, 1_024, 64 * 1024 * 1024),
                Duration.ofSeconds(reader.integer(Setting.SHUTDOWN_TIMEOUT_SECONDS, 0, 600)),
                reader.list(Setting.TRUSTED_PROXIES),
                Duration.ofHours(reader.integer(Setting.VERIFICATION_TOKEN_HOURS, 1, 30 * 24)),
                Duration.ofMinutes(reader.integer(Setting.RESET_TOKEN_MINUTES, 5, 24 * 60)),
                loginConcurrency == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : loginConcurrency,
                smtp(reader));
    }

    private static Optional<SmtpSettings> smtp(Reader reader) {
        Optional<String> host = reader.optional(Setting.SMTP_HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> user = reader.optional(Setting.SMTP_USER);
        Optional<String> password = reader.optional(Setting.SMTP_PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigurationException("set both " + Setting.SMTP_USER.variable() + " and "
                    + Setting.SMTP_PASSWORD.variable() + ", or neither");
        }
        String tls = reader.text(Setting.SMTP_TLS).toLowerCase(Locale.ROOT);
        SmtpSettings.Security security = switch (tls) {
            case "starttls-required" -> SmtpSettings.Security.STARTTLS_REQUIRED;
            case "starttls" -> SmtpSettings.Security.STARTTLS;
            case "implicit" -> SmtpSettings.Security.IMPLICIT_TLS;
            case "none" -> SmtpSettings.Security.NONE;
            default -> throw new ConfigurationException(Setting.SMTP_TLS.variable() + " must be starttls-required,"
                    + " starttls, implicit or none, got '" + tls + "'");
        };
        return Optional.of(new SmtpSettings(host.get(), reader.integer(Setting.SMTP_PORT, 1, 65_535),
                user.orElse(null), password.orElse(null), reader.text(Setting.SMTP_FROM), security, SMTP_TIMEOUT));
    }

    /** Returns whether the service runs its own embedded PostgreSQL. */
    boolean embedded() {
        return database.isEmpty();
    }

    @Override
    public String toString() {
        return "ServiceConfig[httpPort=" + httpPort + ", database=" + database.map(Object::toString).orElse("embedded")
                + ", dataDir=" + dataDir + ", smtp=" + smtp.map(Object::toString).orElse("log only") + "]";
    }

    /** Reads raw variables, applying defaults. */
    private static final class Reader {
        private final Map<String, String> environment;

        Reader(Map<String, String> environment) {
            this.environment = environment;
        }

        String text(Setting setting) {
            String value = environment.get(setting.variable());
            return value == null || value.isBlank() ? setting.defaultValue() : value.strip();
        }

        Optional<String> optional(Setting setting) {
            String value = text(setting);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int integer(Setting setting, int min, int max) {
            String value = text(setting);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(setting.variable() + " must be a whole number from " + min + " to "
                        + max + ", got '" + value + "'");
            }
        }

        Set<String> list(Setting setting) {
            return Arrays.stream(text(setting).split(","))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
