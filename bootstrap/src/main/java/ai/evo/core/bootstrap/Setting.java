package ai.evo.core.bootstrap;

/**
 * One environment variable the service reads, with its default and meaning, as listed by {@code --help}.
 */
enum Setting {
    HTTP_HOST("EVO_HTTP_HOST", "0.0.0.0", "Address the HTTP server binds to."),
    HTTP_PORT("EVO_HTTP_PORT", "8080", "TCP port of the HTTP server (0 picks a free port)."),
    PUBLIC_URL("EVO_PUBLIC_URL", "http://localhost:8080", "Public base URL of the service, used in links."),
    DB_URL("EVO_DB_URL", "", "JDBC URL of a PostgreSQL 15+ database. Unset: run embedded PostgreSQL in EVO_DATA_DIR."),
    DB_USER("EVO_DB_USER", "", "Database user, when EVO_DB_URL is set."),
    DB_PASSWORD("EVO_DB_PASSWORD", "", "Database password, when EVO_DB_URL is set."),
    DB_POOL_SIZE("EVO_DB_POOL_SIZE", "10", "Maximum number of pooled database connections."),
    DATA_DIR("EVO_DATA_DIR", "./evo-data", "Folder for the embedded database files and generated keysets."),
    ADMIN_EMAIL("EVO_ADMIN_EMAIL", "admin@evo.local", "Email of the admin created at start when no admin exists."),
    ADMIN_PASSWORD("EVO_ADMIN_PASSWORD", "",
            "Password of that admin. Unset: a strong password is generated and logged once."),
    JWT_KEYSET_FILE("EVO_JWT_KEYSET_FILE", "",
            "Tink JSON keyset that signs access tokens. Embedded mode default: EVO_DATA_DIR/keys/jwt-keyset.json,"
                    + " generated on first start. Required with EVO_DB_URL."),
    SECRETS_KEYSET_FILE("EVO_SECRETS_KEYSET_FILE", "",
            "Tink JSON keyset that encrypts secrets at rest. Embedded mode default:"
                    + " EVO_DATA_DIR/keys/secrets-keyset.json, generated on first start. Required with EVO_DB_URL."),
    TOKEN_LIFETIME_MINUTES("EVO_TOKEN_LIFETIME_MINUTES", "30", "Lifetime of an access token, in minutes."),
    BCRYPT_COST("EVO_BCRYPT_COST", "12", "bcrypt cost factor (4 to 31); each step doubles the hashing time."),
    PASSWORD_MIN_LENGTH("EVO_PASSWORD_MIN_LENGTH", "15", "Minimum length of a new password, in characters."),
    LOCKOUT_THRESHOLD("EVO_LOCKOUT_THRESHOLD", "5", "Consecutive failed logins that lock an account."),
    LOCKOUT_MINUTES("EVO_LOCKOUT_MINUTES", "15", "How long a locked account stays locked, in minutes."),
    MAX_BODY_BYTES("EVO_MAX_BODY_BYTES", "1048576", "Largest accepted request body, in bytes."),
    SHUTDOWN_TIMEOUT_SECONDS("EVO_SHUTDOWN_TIMEOUT_SECONDS", "20",
            "How long a stop waits for requests in flight, in seconds."),
    TRUSTED_PROXIES("EVO_TRUSTED_PROXIES", "",
            "Comma-separated IP addresses of reverse proxies whose X-Forwarded-For header is trusted."),
    VERIFICATION_TOKEN_HOURS("EVO_VERIFICATION_TOKEN_HOURS", "24",
            "Lifetime of an email verification link, in hours."),
    RESET_TOKEN_MINUTES("EVO_RESET_TOKEN_MINUTES", "60", "Lifetime of a password reset token, in minutes."),
    LOGIN_CONCURRENCY("EVO_LOGIN_CONCURRENCY", "0",
            "Requests that run bcrypt (login, sign-up, password changes) at once; twice as many more may wait,"
                    + " the rest get 429. 0: half the processors, at least 1, so other routes keep some CPU."),
    SMTP_HOST("EVO_SMTP_HOST", "", "SMTP server host. Unset: mail is written to the log instead of being sent."),
    SMTP_PORT("EVO_SMTP_PORT", "587", "SMTP server port."),
    SMTP_USER("EVO_SMTP_USER", "", "SMTP login name. Unset: send without authentication."),
    SMTP_PASSWORD("EVO_SMTP_PASSWORD", "", "SMTP password, with EVO_SMTP_USER."),
    SMTP_FROM("EVO_SMTP_FROM", "no-reply@evo.local", "Sender address of every mail."),
    SMTP_TLS("EVO_SMTP_TLS", "starttls-required",
            "Encryption of the SMTP connection: starttls-required, starttls (upgrade when offered), implicit"
                    + " (TLS from the start, usually port 465) or none.");

    private final String variable;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String variable() {
        return variable;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }
}
