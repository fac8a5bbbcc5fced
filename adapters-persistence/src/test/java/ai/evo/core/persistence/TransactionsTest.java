package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientDetails;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static Transactions transactions;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence();
        transactions = persistence.transactions();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static ClientDetails details(String name) {
        return new ClientDetails(name, new EmailAddress(name + "@example.test"));
    }

    /** Reads whether a client row is visible to a separate connection, outside any open transaction. */
    private static boolean committed(ClientId id) {
        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            return handle.createQuery("SELECT EXISTS (SELECT 1 FROM client WHERE id = :id)")
                    .bind("id", id.value())
                    .mapTo(Boolean.class)
                    .one();
        }
    }

    @Test
    void repositoryCallsJoinTheTransaction() {
        ClientId first = new ClientId(fixtures.newId());
        ClientId second = new ClientId(fixtures.newId());

        boolean visibleInside = transactions.inTransaction(() -> {
            persistence.clients().insert(first, details("first"));
            transactions.inTransaction(() -> persistence.clients().insert(second, details("second")));
            boolean readBack = persistence.clients().findById(second).isPresent();
            return readBack && !committed(first) && !committed(second);
        });

        assertThat(visibleInside).isTrue();
        assertThat(committed(first)).isTrue();
        assertThat(committed(second)).isTrue();
    }

    @Test
    void failureRollsBackOuterAndNestedWrites() {
        ClientId outer = new ClientId(fixtures.newId());
        ClientId nested = new ClientId(fixtures.newId());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            persistence.clients().insert(outer, details("outer"));
            transactions.inTransaction(() -> persistence.clients().insert(nested, details("nested")));
            throw new IllegalStateException("use case failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("use case failed");

        assertThat(committed(outer)).isFalse();
        assertThat(committed(nested)).isFalse();
    }

    /** Tries to lock a client row from a separate connection without waiting; returns whether it got the lock. */
    private static boolean lockableElsewhere(ClientId id) {
        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            handle.begin();
            handle.createQuery("SELECT id FROM client WHERE id = :id FOR UPDATE NOWAIT")
                    .bind("id", id.value())
                    .mapTo(java.util.UUID.class)
                    .one();
            handle.rollback();
            return true;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // SQLState 55P03 (lock_not_available): another transaction holds the row lock.
            return false;
        }
    }

    @Test
    void forUpdateLocksRowUntilCommit() {
        Client client = fixtures.client();

        boolean lockableDuringTransaction = transactions.inTransaction(() -> {
            persistence.clients().findByIdForUpdate(client.id()).orElseThrow();
            return lockableElsewhere(client.id());
        });

        assertThat(lockableDuringTransaction).isFalse();
        assertThat(lockableElsewhere(client.id())).isTrue();
    }

    @Test
    void readinessFailsAfterClose() {
        PostgresPersistence closed = database.persistence(1);
        closed.close();

        assertThat(closed.isReady(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void readinessCheckAnswers() {
        assertThat(persistence.isReady(Duration.ofSeconds(2))).isTrue();
    }
}
