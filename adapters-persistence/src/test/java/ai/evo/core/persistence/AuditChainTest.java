package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditChain;
import ai.evo.core.domain.audit.AuditChainHead;
import ai.evo.core.domain.audit.AuditChainStore;
import ai.evo.core.domain.audit.AuditChainVerifier;
import ai.evo.core.domain.audit.ChainBreak;
import ai.evo.core.domain.audit.ChainedAuditRow;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.User;
import ai.evo.core.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static AuditChainStore chains;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence(12);
        chains = persistence.auditChains();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.truncateAllTables();
    }

    private static NewAuditEntry entry(ClientId clientId, Map<String, Object> details) {
        return new NewAuditEntry(fixtures.newId(), null, clientId, AuditAction.CREATE, ResourceType.AGENT,
                fixtures.newId(), details, new RequestOrigin("192.0.2.10", "tests/1.0"));
    }

    private static Optional<ChainBreak> verify(String chainKey) {
        AuditChainHead head = chains.heads().stream()
                .filter(h -> h.chainKey().equals(chainKey))
                .findFirst()
                .orElseThrow();
        AuditChainVerifier verifier = new AuditChainVerifier(head);
        chains.forEachRow(chainKey, verifier::accept);
        return verifier.finish();
    }

    private static List<ChainedAuditRow> rows(String chainKey) {
        List<ChainedAuditRow> rows = new ArrayList<>();
        chains.forEachRow(chainKey, rows::add);
        return rows;
    }

    private static void executeAsSuperuser(String sql) {
        try (Connection connection = database.unpooledDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Test
    void triggerHashesMatchDomainFunction() {
        Client client = fixtures.client();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("after", Map.of("name", "Zoë 😀 日本", "note", "a\u0001b", "quote", "\"x\"\n", "n", 1.5));
        persistence.auditTrail().append(entry(client.id(), details));
        persistence.auditTrail().append(entry(client.id(), Map.of()));
        persistence.auditTrail().append(entry(null, Map.of("k", List.of(1, 2, 3))));

        List<ChainedAuditRow> clientRows = rows(client.id().toString());

        assertThat(clientRows).extracting(ChainedAuditRow::sequence).containsExactly(1L, 2L);
        assertThat(clientRows.get(0).previousHash()).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(clientRows.get(1).previousHash()).isEqualTo(clientRows.get(0).hash());
        for (ChainedAuditRow row : clientRows) {
            assertThat(AuditChain.hash(row)).as("hash of row %s", row.id()).isEqualTo(row.hash());
        }
        assertThat(verify(client.id().toString())).isEmpty();
        assertThat(verify(AuditChain.PLATFORM_CHAIN)).isEmpty();
    }

    @Test
    void chainsArePerClient() {
        Client first = fixtures.client();
        Client second = fixtures.client();
        persistence.auditTrail().append(entry(first.id(), Map.of()));
        persistence.auditTrail().append(entry(second.id(), Map.of()));
        persistence.auditTrail().append(entry(first.id(), Map.of()));

        assertThat(rows(first.id().toString())).extracting(ChainedAuditRow::sequence).containsExactly(1L, 2L);
        assertThat(rows(second.id().toString())).extracting(ChainedAuditRow::sequence).containsExactly(1L);
    }

    @Test
    void concurrentWritersKeepChainIntact() throws Exception {
        Client client = fixtures.client();
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        persistence.transactions().inTransaction(
                                () -> persistence.auditTrail().append(entry(client.id(), Map.of("i", 1))));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers, 2, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ChainedAuditRow> stored = rows(client.id().toString());
        assertThat(stored).hasSize(threads * perThread);
        assertThat(stored.get(stored.size() - 1).sequence()).isEqualTo(threads * perThread);
        assertThat(verify(client.id().toString())).isEmpty();
    }

    @Test
    void updateDeleteAndTruncateAreRejected() {
        Client client = fixtures.client();
        persistence.auditTrail().append(entry(client.id(), Map.of("a", 1)));

        for (String sql : List.of(
                "UPDATE audit_log SET details = '{\"a\": 2}'",
                "DELETE FROM audit_log",
                "TRUNCATE audit_log")) {
            assertThatThrownBy(() -> executeAsSuperuser(sql))
                    .as(sql)
                    .hasMessageContaining("audit_log is append-only");
        }
        assertThat(rows(client.id().toString())).hasSize(1);
    }

    @Test
    void userDeletionKeepsChainValid() {
        Client client = fixtures.client();
        User user = fixtures.user(client.id());
        persistence.auditTrail().append(new NewAuditEntry(fixtures.newId(), user.id(), client.id(),
                AuditAction.UPDATE, ResourceType.USER, user.id().value(), Map.of(), RequestOrigin.INTERNAL));

        executeAsSuperuser("DELETE FROM \"user\" WHERE id = '" + user.id() + "'");

        ChainedAuditRow row = rows(client.id().toString()).get(0);
        assertThat(row.actorUserId()).isEqualTo(user.id().value());
        assertThat(verify(client.id().toString())).isEmpty();
    }

    @Test
    void editBehindServiceIsFound() {
        Client client = fixtures.client();
        for (int i = 0; i < 5; i++) {
            persistence.auditTrail().append(entry(client.id(), Map.of("i", i)));
        }
        ChainedAuditRow third = rows(client.id().toString()).get(2);

        executeAsSuperuser("SET session_replication_role = replica; "
                + "UPDATE audit_log SET details = '{\"i\": 99}' WHERE id = '" + third.id() + "'");

        Optional<ChainBreak> broken = verify(client.id().toString());
        assertThat(broken).isPresent();
        assertThat(broken.get().rowId()).isEqualTo(third.id());
        assertThat(broken.get().sequence()).isEqualTo(3);
    }

    @Test
    void deleteBehindServiceIsFound() {
        Client client = fixtures.client();
        for (int i = 0; i < 5; i++) {
            persistence.auditTrail().append(entry(client.id(), Map.of("i", i)));
        }
        List<ChainedAuditRow> before = rows(client.id().toString());

        executeAsSuperuser("SET session_replication_role = replica; "
                + "DELETE FROM audit_log WHERE id = '" + before.get(1).id() + "'");

        Optional<ChainBreak> broken = verify(client.id().toString());
        assertThat(broken).isPresent();
        assertThat(broken.get().sequence()).isEqualTo(2);
        assertThat(broken.get().rowId()).isEqualTo(before.get(2).id());
    }

    @Test
    void purgeKeepsRemainingChainValid() {
        Client client = fixtures.client();
        for (int i = 0; i < 4; i++) {
            persistence.auditTrail().append(entry(client.id(), Map.of("i", i)));
        }
        List<ChainedAuditRow> before = rows(client.id().toString());
        executeAsSuperuser("SET session_replication_role = replica; UPDATE audit_log SET created_at = "
                + "created_at - interval '400 days' WHERE id IN ('" + before.get(0).id() + "', '"
                + before.get(1).id() + "')");
        long deleted = persistence.transactions().inTransaction(
                () -> chains.purgeCreatedBefore(Instant.now().minusSeconds(365L * 24 * 3600)));

        assertThat(deleted).isEqualTo(2);
        assertThat(rows(client.id().toString())).extracting(ChainedAuditRow::sequence).containsExactly(3L, 4L);
        AuditChainHead head = chains.heads().get(0);
        assertThat(head.firstSequence()).isEqualTo(3);
        assertThat(head.firstPreviousHash()).isEqualTo(before.get(1).hash());
        assertThat(verify(client.id().toString())).isEmpty();
    }

    @Test
    void chainKeysOfRowsIncludeHeadlessRows() {
        Client client = fixtures.client();
        persistence.auditTrail().append(entry(client.id(), Map.of()));

        executeAsSuperuser("SET session_replication_role = replica; INSERT INTO audit_log (id, client_id, action,"
                + " resource_type, details, chain_key, chain_sequence, previous_hash, row_hash) VALUES ('"
                + fixtures.newId() + "', NULL, 'CREATE', 'CLIENT', '{}', 'forged', 1, repeat('0', 64),"
                + " repeat('0', 64))");

        assertThat(chains.chainKeysOfRows()).containsExactly(client.id().toString(), "forged");
        assertThat(chains.heads()).extracting(AuditChainHead::chainKey).containsExactly(client.id().toString());
    }
}
