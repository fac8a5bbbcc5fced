package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Races many login attempts on one account, each on its own pooled connection. */
class LoginAttemptConcurrencyTest {
    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final int THREADS = 50;

    private static TestDatabase database;
    private static UserRepository users;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        PostgresPersistence persistence = database.persistence(THREADS);
        users = persistence.users();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /** Runs every task at once, released together by a latch, and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void parallelAttemptsCountExactlyThreshold() throws Exception {
        User user = fixtures.user(null);
        List<Callable<Optional<LoginAttempt>>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> users.beginLoginAttempt(user.id(), POLICY, NOW));
        }

        List<Optional<LoginAttempt>> results = race(tasks);

        List<LoginAttempt> counted = results.stream().flatMap(Optional::stream).toList();
        assertThat(counted).hasSize(POLICY.threshold());
        assertThat(counted).extracting(LoginAttempt::number).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(counted).filteredOn(LoginAttempt::locksAccount).singleElement()
                .extracting(LoginAttempt::number).isEqualTo(5);
        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.failedLoginAttempts()).isEqualTo(5);
        assertThat(stored.lockedUntil()).isEqualTo(POLICY.lockedUntil(NOW));
    }

    @Test
    void racingSuccessNeverClearsForeignLock() throws Exception {
        for (int round = 0; round < 10; round++) {
            User user = fixtures.user(null);
            AtomicReference<Optional<LoginAttempt>> success = new AtomicReference<>();
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tasks.add(() -> users.beginLoginAttempt(user.id(), POLICY, NOW).isPresent());
            }
            // The right password: counted like the others, then recorded as a success.
            tasks.add(() -> {
                Optional<LoginAttempt> attempt = users.beginLoginAttempt(user.id(), POLICY, NOW);
                attempt.ifPresent(counted -> users.recordSuccessfulLogin(user.id(), counted));
                success.set(attempt);
                return attempt.isPresent();
            });

            race(tasks);

            // A success that did not lock the account itself resets the count but never lifts a lock. With 20
            // failures against threshold 5, some failure then locks the account, before or after the reset.
            // Only when the success was itself the locking attempt may it lift its own lock, and then the
            // final state depends on the interleaving, so that round checks nothing more.
            User stored = users.findById(user.id()).orElseThrow();
            boolean successLockedItself = success.get().map(LoginAttempt::locksAccount).orElse(false);
            if (!successLockedItself) {
                assertThat(stored.lockedUntil()).as("round %d", round).isEqualTo(POLICY.lockedUntil(NOW));
            }
        }
    }
}
