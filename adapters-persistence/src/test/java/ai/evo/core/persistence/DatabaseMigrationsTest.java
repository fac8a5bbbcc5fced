package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.persistence.DatabaseMigrations.SchemaVersion;
import ai.evo.core.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    private static int countChangeSetRows(DataSource dataSource) {
        try (Handle handle = Jdbi.open(dataSource)) {
            return handle.createQuery("SELECT count(*) FROM databasechangelog").mapTo(Integer.class).one();
        }
    }

    private static int countDistinctChangeSets(DataSource dataSource) {
        try (Handle handle = Jdbi.open(dataSource)) {
            return handle.createQuery("SELECT count(DISTINCT (id, author, filename)) FROM databasechangelog")
                    .mapTo(Integer.class)
                    .one();
        }
    }

    @Test
    void secondRunAppliesNothing() {
        try (TestDatabase database = TestDatabase.createEmpty()) {
            DataSource dataSource = database.unpooledDataSource();

            SchemaVersion first = DatabaseMigrations.migrate(dataSource);
            SchemaVersion second = DatabaseMigrations.migrate(dataSource);

            assertThat(first.appliedNow()).isEqualTo(first.appliedChangeSets()).isPositive();
            assertThat(second.appliedNow()).isZero();
            assertThat(second.appliedChangeSets()).isEqualTo(first.appliedChangeSets());
            assertThat(second.latestChangeSet()).isEqualTo("006-agent-config-references");
        }
    }

    @Test
    void parallelStartsMigrateOnce() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty()) {
            DataSource dataSource = database.unpooledDataSource();
            ExecutorService executor = Executors.newFixedThreadPool(2);
            List<SchemaVersion> results = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SchemaVersion>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        return DatabaseMigrations.migrate(dataSource);
                    }));
                }
                start.countDown();
                for (Future<SchemaVersion> future : futures) {
                    results.add(future.get());
                }
            } finally {
                executor.shutdownNow();
            }

            int total = results.get(0).appliedChangeSets();
            assertThat(results).extracting(SchemaVersion::appliedChangeSets).containsOnly(total);
            assertThat(results).extracting(SchemaVersion::appliedNow).containsExactlyInAnyOrder(total, 0);
            assertThat(countChangeSetRows(dataSource)).isEqualTo(total);
            assertThat(countDistinctChangeSets(dataSource)).isEqualTo(total);
        }
    }
}
