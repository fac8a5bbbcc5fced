package ai.evo.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.client.ClientService;
import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.AuditQuery;
import ai.evo.core.domain.audit.AuditTrail;
import ai.evo.core.domain.audit.NewAuditEntry;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.TimeOrderedIdGenerator;
import ai.evo.core.persistence.PostgresPersistence;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A use case's change and its audit row commit together or not at all, on real PostgreSQL. */
class AuditAtomicityTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        persistence = database.persistence();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.truncateAllTables();
    }

    private static ClientService clientsWithTrail(AuditTrail trail) {
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.systemUTC());
        return new ClientService(persistence.transactions(), persistence.clients(), new AuditRecorder(trail, ids), ids);
    }

    @Test
    void failedAuditWriteRollsBackTheChange() {
        AuditTrail failing = new AuditTrail() {
            @Override
            public AuditEntry append(NewAuditEntry entry) {
                throw new IllegalStateException("audit store unavailable");
            }

            @Override
            public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
                return persistence.auditTrail().list(query, page);
            }
        };

        assertThatThrownBy(() -> clientsWithTrail(failing).create(Caller.system(),
                ClientDetails.of("Rolled Back", "rb@example.test"))).isInstanceOf(IllegalStateException.class);

        assertThat(persistence.clients().list(PageRequest.first()).items()).isEmpty();
    }

    @Test
    void failureAfterAuditWriteLeavesNoAuditRow() {
        ClientService clients = clientsWithTrail(persistence.auditTrail());

        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            clients.create(Caller.system(), ClientDetails.of("Inner", "inner@example.test"));
            throw new IllegalStateException("a later step of the same unit of work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(persistence.auditTrail().list(AuditQuery.all(), PageRequest.first()).items()).isEmpty();
        assertThat(persistence.clients().list(PageRequest.first()).items()).isEmpty();
    }

    @Test
    void successfulChangeKeepsBoth() {
        clientsWithTrail(persistence.auditTrail()).create(Caller.system(), ClientDetails.of("Kept", "k@example.test"));

        assertThat(persistence.auditTrail().list(AuditQuery.all(), PageRequest.first()).items()).hasSize(1);
        assertThat(persistence.clients().list(PageRequest.first()).items()).hasSize(1);
    }
}
