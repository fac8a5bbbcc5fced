package ai.evo.core.persistence;

import ai.evo.core.domain.agent.AgentRepository;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.contact.ContactRepository;
import ai.evo.core.domain.conversation.ConversationRepository;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.mcpserver.McpServerRepository;
import ai.evo.core.domain.tool.ToolRepository;
import ai.evo.core.domain.user.OneTimeTokenRepository;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.UserRepository;
import com.google.crypto.tink.KeysetHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL implementation of every persistence port, built over one {@link DataSource}. The service
 * creates one instance at start, after {@link DatabaseMigrations#migrate}, and shares it between threads.
 *
 * <p>Repository calls made inside {@link #transactions()} on the same thread share that transaction's
 * connection; calls outside one each borrow a connection for a single statement. Repositories for tenant data
 * (agents, contacts, conversations) filter every statement on the client id they are given. Timestamps come
 * from the database clock ({@code now()}), so {@code created_at} and the {@code updated_at} trigger agree.
 *
 * <p>{@link #close()} closes the data source when it is {@link AutoCloseable}, such as a HikariCP pool.
 */
public final class PostgresPersistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresPersistence.class);

    private final DataSource dataSource;
    private final Transactions transactions;
    private final ClientRepository clients;
    private final UserRepository users;
    private final AuditTrail auditTrail;
    private final AgentRepository agents;
    private final ContactRepository contacts;
    private final ToolRepository tools;
    private final McpServerRepository mcpServers;
    private final ConversationRepository conversations;
    private final PasswordHasher passwordHasher;
    private final OneTimeTokenRepository oneTimeTokens;
    private final MailOutbox mailOutbox;
    private final AtomicBoolean lastCheckFailed = new AtomicBoolean(false);

    /**
     * Builds the repositories.
     *
     * @param dataSource    connections to a migrated database
     * @param secretsKeyset the Tink AEAD keyset that encrypts secrets at rest, from {@link SecretKeysets}
     * @param bcryptCost    the bcrypt work factor, from 4 to 31; {@link BcryptPasswordHasher#DEFAULT_COST} in
     *                      production
     */
    public PostgresPersistence(DataSource dataSource, KeysetHandle secretsKeyset, int bcryptCost) {
        this(dataSource, constant(Objects.requireNonNull(secretsKeyset, "secretsKeyset")), bcryptCost);
    }

    /**
     * Builds the repositories over a secrets keyset that may change while the service runs, such as a
     * {@link WatchedKeyset} that picks up the new primary key of a rotation.
     *
     * @param dataSource     connections to a migrated database
     * @param secretsKeysets returns the current Tink AEAD keyset on every call
     * @param bcryptCost     the bcrypt work factor, from 4 to 31
     */
    public PostgresPersistence(DataSource dataSource, Supplier<KeysetHandle> secretsKeysets, int bcryptCost) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(secretsKeysets, "secretsKeysets");
        SecretCipher cipher = new SecretCipher(secretsKeysets);
        JsonSecrets jsonSecrets = new JsonSecrets(cipher);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        Database database = new Database(jdbi);
        JsonCodec json = new JsonCodec();
        this.transactions = new JdbiTransactions(jdbi);
        this.clients = new JdbiClientRepository(database);
        this.users = new JdbiUserRepository(database);
        this.auditTrail = new JdbiAuditTrail(database, json);
        this.agents = new JdbiAgentRepository(database, json, cipher, jsonSecrets);
        this.contacts = new JdbiContactRepository(database, json);
        this.tools = new JdbiToolRepository(database, json, jsonSecrets);
        this.mcpServers = new JdbiMcpServerRepository(database, json, jsonSecrets);
        this.conversations = new JdbiConversationRepository(database, json);
        this.passwordHasher = new BcryptPasswordHasher(bcryptCost);
        this.oneTimeTokens = new JdbiOneTimeTokenRepository(database);
        this.mailOutbox = new JdbiMailOutbox(database, cipher);
    }

    private static Supplier<KeysetHandle> constant(KeysetHandle keyset) {
        return () -> keyset;
    }

    /** Returns the transaction runner that every repository here joins. */
    public Transactions transactions() {
        return transactions;
    }

    /** Returns the client organizations. */
    public ClientRepository clients() {
        return clients;
    }

    /** Returns the user accounts. */
    public UserRepository users() {
        return users;
    }

    /** Returns the audit log. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Returns the agents, scoped by client. */
    public AgentRepository agents() {
        return agents;
    }

    /** Returns the contacts, scoped by client. */
    public ContactRepository contacts() {
        return contacts;
    }

    /** Returns the tool catalog. */
    public ToolRepository tools() {
        return tools;
    }

    /** Returns the MCP server catalog. */
    public McpServerRepository mcpServers() {
        return mcpServers;
    }

    /** Returns the conversations, scoped by client through their contact. */
    public ConversationRepository conversations() {
        return conversations;
    }

    /** Returns the email verification and password reset tokens, stored as hashes. */
    public OneTimeTokenRepository oneTimeTokens() {
        return oneTimeTokens;
    }

    /** Returns the mail outbox, whose bodies are encrypted with the secrets keyset. */
    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    /** Returns the bcrypt password hasher. */
    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    /**
     * Checks that the database runs {@code SELECT 1}. The wait for a pooled connection is bounded by the
     * pool's connection timeout, and the query by {@code timeout}. A failure is logged once at WARN until the
     * next success, and at DEBUG while it repeats.
     *
     * @param timeout the query timeout, rounded up to whole seconds as JDBC requires
     * @return whether the query succeeded
     */
    public boolean isReady(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(seconds);
            statement.execute("SELECT 1");
            if (lastCheckFailed.compareAndSet(true, false)) {
                log.info("Database readiness check succeeded again");
            }
            return true;
        } catch (SQLException e) {
            if (lastCheckFailed.compareAndSet(false, true)) {
                log.warn("Database readiness check failed (SQLState {}): {}", e.getSQLState(), e.getMessage(), e);
            } else {
                log.debug("Database readiness check failed again (SQLState {}): {}", e.getSQLState(), e.getMessage());
            }
            return false;
        }
    }

    /** Closes the data source when it can be closed. */
    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Failed to close the database connection pool", e);
            }
        }
    }
}
