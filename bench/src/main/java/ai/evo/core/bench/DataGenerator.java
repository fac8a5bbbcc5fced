package ai.evo.core.bench;

import ai.evo.core.domain.agent.Agent;
import ai.evo.core.domain.agent.AgentId;
import ai.evo.core.domain.agent.AgentType;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.contact.Contact;
import ai.evo.core.domain.contact.ContactId;
import ai.evo.core.domain.conversation.Conversation;
import ai.evo.core.domain.conversation.ConversationId;
import ai.evo.core.persistence.ConnectionPools;
import ai.evo.core.persistence.ConnectionSettings;
import ai.evo.core.persistence.DatabaseMigrations;
import ai.evo.core.persistence.PostgresPersistence;
import ai.evo.core.persistence.SecretKeysets;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loads the benchmark data set through the service's own repositories: clients, agents, contacts,
 * conversations and audit rows, with the deterministic ids of {@link BenchIds}. Each kind is loaded from the
 * count already stored up to the requested count, so a run can stop and continue. The conversations can also be
 * loaded in stages, first 10,000 and later up to 1,000,000, to measure the same query at both sizes.
 *
 * <p>Conversation {@code j} belongs to contact {@code ((j - 1) / 10) % contacts + 1}, so the first stages fill
 * the first contacts with ten conversations each, and a history page of those contacts reads the same rows at
 * every table size.
 *
 * <p>Usage: {@code java -jar evo-ai-bench.jar --db-url URL [--db-user U] [--db-password P] [--clients 100]
 * [--agents 2000] [--contacts 100000] [--conversations 1000000] [--audit-rows 200000]}
 */
public final class DataGenerator {
    /** Conversations per contact before the generator moves to the next contact. */
    static final int CONVERSATIONS_PER_CONTACT = 10;
    private static final int BATCH = 1000;
    private static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "evo-ai-bench");

    private final PostgresPersistence persistence;
    private final HikariDataSource dataSource;
    private final SplittableRandom random = new SplittableRandom(42);

    private DataGenerator(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.persistence = new PostgresPersistence(dataSource, SecretKeysets.generate(), 4);
    }

    /**
     * Runs the generator.
     *
     * @param args the options listed in the class documentation
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, List.of("db-url", "db-user", "db-password",
                "clients", "agents", "contacts", "conversations", "audit-rows"));
        String url = BenchOptions.required(options, "db-url");
        ConnectionSettings settings = ConnectionSettings.of(url, options.getOrDefault("db-user", ""),
                options.getOrDefault("db-password", ""));
        long clients = BenchOptions.number(options, "clients", 100);
        long agents = BenchOptions.number(options, "agents", 2_000);
        long contacts = BenchOptions.number(options, "contacts", 100_000);
        long conversations = BenchOptions.number(options, "conversations", 1_000_000);
        long auditRows = BenchOptions.number(options, "audit-rows", 200_000);

        try (HikariDataSource dataSource = ConnectionPools.open(settings)) {
            DatabaseMigrations.migrate(dataSource);
            DataGenerator generator = new DataGenerator(dataSource);
            generator.loadClients(clients);
            generator.loadAgents(agents, clients);
            generator.loadContacts(contacts, clients);
            generator.loadConversations(conversations, contacts, clients, agents);
            generator.loadAuditRows(auditRows, clients);
            generator.analyze();
        }
    }

    private void loadClients(long count) {
        long start = existing("client", BenchIds.CLIENT);
        Instant began = Instant.now();
        for (long n = start + 1; n <= count; n++) {
            persistence.clients().insert(new ClientId(BenchIds.of(BenchIds.CLIENT, n)),
                    ClientDetails.of("Bench client " + n, "client-" + n + "@bench.example"));
        }
        report("clients", start, count, began);
    }

    private void loadAgents(long count, long clients) {
        long start = existing("agent", BenchIds.AGENT);
        Instant began = Instant.now();
        for (long first = start + 1; first <= count; first += BATCH) {
            long last = Math.min(count, first + BATCH - 1);
            long from = first;
            persistence.transactions().inTransaction(() -> {
                for (long n = from; n <= last; n++) {
                    persistence.agents().insert(agent(n, clients));
                }
                return null;
            });
        }
        report("agents", start, count, began);
    }

    private void loadContacts(long count, long clients) {
        long start = existing("contact", BenchIds.CONTACT);
        Instant began = Instant.now();
        for (long first = start + 1; first <= count; first += BATCH) {
            long last = Math.min(count, first + BATCH - 1);
            long from = first;
            persistence.transactions().inTransaction(() -> {
                for (long n = from; n <= last; n++) {
                    ClientId client = new ClientId(BenchIds.of(BenchIds.CLIENT, BenchIds.clientOfContact(n, clients)));
                    persistence.contacts().insert(new Contact(new ContactId(BenchIds.of(BenchIds.CONTACT, n)),
                            client, "ext-" + n, "Contact " + n, Map.of("channel", "bench"), null, null));
                }
                return null;
            });
        }
        report("contacts", start, count, began);
    }

    private void loadConversations(long count, long contacts, long clients, long agents) {
        long start = existing("conversation", BenchIds.CONVERSATION);
        Instant began = Instant.now();
        long agentsPerClient = agents / clients;
        for (long first = start + 1; first <= count; first += BATCH) {
            long last = Math.min(count, first + BATCH - 1);
            List<Conversation> batch = new ArrayList<>(BATCH);
            for (long j = first; j <= last; j++) {
                long contact = ((j - 1) / CONVERSATIONS_PER_CONTACT) % contacts + 1;
                long client = BenchIds.clientOfContact(contact, clients);
                long agent = client + clients * ((j - 1) % agentsPerClient);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("tokens", random.nextInt(20, 2000));
                meta.put("latency_ms", random.nextInt(80, 4000));
                batch.add(new Conversation(new ConversationId(BenchIds.of(BenchIds.CONVERSATION, j)),
                        new AgentId(BenchIds.of(BenchIds.AGENT, agent)),
                        new ContactId(BenchIds.of(BenchIds.CONTACT, contact)),
                        text(50, 500), text(50, 500), meta, null));
            }
            persistence.transactions().inTransaction(() -> persistence.conversations().insertAll(batch));
            if (last % 100_000 == 0) {
                report("conversations so far", start, last, began);
            }
        }
        report("conversations", start, count, began);
    }

    private void loadAuditRows(long count, long clients) {
        long start = existing("audit_log", BenchIds.AUDIT);
        Instant began = Instant.now();
        for (long first = start + 1; first <= count; first += BATCH) {
            long last = Math.min(count, first + BATCH - 1);
            long from = first;
            persistence.transactions().inTransaction(() -> {
                for (long n = from; n <= last; n++) {
                    long client = (n - 1) % clients + 1;
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("name", "agent " + n);
                    after.put("model", "bench-model");
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("before", null);
                    details.put("after", after);
                    persistence.auditTrail().append(new NewAuditEntry(BenchIds.of(BenchIds.AUDIT, n), null,
                            new ClientId(BenchIds.of(BenchIds.CLIENT, client)), AuditAction.CREATE,
                            ResourceType.AGENT, BenchIds.of(BenchIds.AGENT, n), details, ORIGIN));
                }
                return null;
            });
        }
        report("audit rows", start, count, began);
    }

    private Agent agent(long n, long clients) {
        ClientId client = new ClientId(BenchIds.of(BenchIds.CLIENT, BenchIds.clientOfAgent(n, clients)));
        return new Agent(new AgentId(BenchIds.of(BenchIds.AGENT, n)), client, "bench-agent-" + n, "Bench agent",
                AgentType.LLM, "bench-model", null, "Answer briefly.", Map.of(), null, null);
    }

    /*
     * Counts the rows of one kind that the generator stored before, from the highest deterministic id present,
     * because the generator always fills ids 1..n without gaps.
     */
    private long existing(String table, String prefix) {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT id FROM " + table
                     + " WHERE id >= ?::uuid AND id <= ?::uuid ORDER BY id DESC LIMIT 1")) {
            statement.setString(1, BenchIds.of(prefix, 0).toString());
            statement.setString(2, BenchIds.of(prefix, 0xFFFF_FFFF_FFFFL).toString());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Long.parseLong(rows.getString(1).substring(24), 16) : 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("failed to count the stored rows of " + table, e);
        }
    }

    private void analyze() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    private String text(int minLength, int maxLength) {
        int length = random.nextInt(minLength, maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int word = random.nextInt(2, 10);
            for (int i = 0; i < word && text.length() < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            if (text.length() < length) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static void report(String what, long start, long count, Instant began) {
        Duration took = Duration.between(began, Instant.now());
        System.out.printf("%s: %d stored before, %d now, %d inserted in %d s%n", what, start, Math.max(start, count),
                Math.max(0, count - start), took.toSeconds());
    }
}
