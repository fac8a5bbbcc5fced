package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserRepositoryTest {
    private static final LockoutPolicy POLICY = new LockoutPolicy(3, Duration.ofMinutes(15));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

    private static TestDatabase database;
    private static UserRepository users;
    private static Fixtures fixtures;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        PostgresPersistence persistence = database.persistence();
        users = persistence.users();
        fixtures = new Fixtures(persistence);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static NewUser newUser(String email, ClientId clientId, boolean active, boolean admin) {
        return new NewUser(new UserId(fixtures.newId()), new EmailAddress(email), "$2a$04$hash", clientId, active,
                false, admin);
    }

    @Test
    void insertThenFindRoundTrips() {
        Client client = fixtures.client();
        NewUser user = new NewUser(new UserId(fixtures.newId()), new EmailAddress("josé@example.test"),
                "$2a$04$abcdefghijklmnopqrstuv", client.id(), true, true, false);

        User inserted = users.insert(user);

        assertThat(inserted.id()).isEqualTo(user.id());
        assertThat(inserted.email()).isEqualTo(user.email());
        assertThat(inserted.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(inserted.clientId()).isEqualTo(client.id());
        assertThat(inserted.active()).isTrue();
        assertThat(inserted.emailVerified()).isTrue();
        assertThat(inserted.admin()).isFalse();
        assertThat(inserted.failedLoginAttempts()).isZero();
        assertThat(inserted.lockedUntil()).isNull();
        assertThat(users.findById(user.id())).contains(inserted);
        assertThat(users.findByEmail(user.email())).contains(inserted);
    }

    @Test
    void adminWithoutClientRoundTrips() {
        User admin = users.insert(newUser("root-" + fixtures.newId() + "@example.test", null, true, true));

        assertThat(admin.clientId()).isNull();
        assertThat(admin.admin()).isTrue();
        assertThat(users.existsActiveAdmin()).isTrue();
    }

    @Test
    void duplicateEmailIsConflict() {
        String email = "dup-" + fixtures.newId() + "@example.test";
        users.insert(newUser(email, null, true, false));

        assertThatThrownBy(() -> users.insert(newUser(email, null, true, false)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("email is already registered");
    }

    @Test
    void unknownClientIsNotFound() {
        NewUser user = newUser("orphan-" + fixtures.newId() + "@example.test", new ClientId(fixtures.newId()), true,
                false);

        assertThatThrownBy(() -> users.insert(user))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("client"));
    }

    @Test
    void findUnknownEmailIsEmpty() {
        assertThat(users.findByEmail(new EmailAddress("nobody-" + fixtures.newId() + "@example.test"))).isEmpty();
    }

    @Test
    void attemptsCountUpToTheLock() {
        User user = fixtures.user(null);

        Optional<LoginAttempt> first = users.beginLoginAttempt(user.id(), POLICY, NOW);
        Optional<LoginAttempt> second = users.beginLoginAttempt(user.id(), POLICY, NOW);
        Optional<LoginAttempt> third = users.beginLoginAttempt(user.id(), POLICY, NOW);
        Optional<LoginAttempt> fourth = users.beginLoginAttempt(user.id(), POLICY, NOW.plusSeconds(60));

        assertThat(first).contains(new LoginAttempt(1, false));
        assertThat(second).contains(new LoginAttempt(2, false));
        assertThat(third).contains(new LoginAttempt(3, true));
        assertThat(fourth).isEmpty();
        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.failedLoginAttempts()).isEqualTo(3);
        assertThat(stored.lockedUntil()).isEqualTo(POLICY.lockedUntil(NOW));
    }

    @Test
    void expiredLockRestartsCountAtOne() {
        User user = fixtures.user(null);
        for (int i = 0; i < POLICY.threshold(); i++) {
            users.beginLoginAttempt(user.id(), POLICY, NOW);
        }
        Instant expired = POLICY.lockedUntil(NOW);

        Optional<LoginAttempt> afterExpiry = users.beginLoginAttempt(user.id(), POLICY, expired);

        assertThat(afterExpiry).contains(new LoginAttempt(1, false));
        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.failedLoginAttempts()).isEqualTo(1);
        assertThat(stored.lockedUntil()).isNull();
    }

    @Test
    void successResetsCountButKeepsForeignLock() {
        User user = fixtures.user(null);
        LoginAttempt early = users.beginLoginAttempt(user.id(), POLICY, NOW).orElseThrow();
        users.beginLoginAttempt(user.id(), POLICY, NOW);
        users.beginLoginAttempt(user.id(), POLICY, NOW);

        users.recordSuccessfulLogin(user.id(), early);

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(early.locksAccount()).isFalse();
        assertThat(stored.failedLoginAttempts()).isZero();
        assertThat(stored.lockedUntil()).isEqualTo(POLICY.lockedUntil(NOW));
    }

    @Test
    void successClearsItsOwnLock() {
        User user = fixtures.user(null);
        users.beginLoginAttempt(user.id(), POLICY, NOW);
        users.beginLoginAttempt(user.id(), POLICY, NOW);
        LoginAttempt locking = users.beginLoginAttempt(user.id(), POLICY, NOW).orElseThrow();

        users.recordSuccessfulLogin(user.id(), locking);

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(locking.locksAccount()).isTrue();
        assertThat(stored.failedLoginAttempts()).isZero();
        assertThat(stored.lockedUntil()).isNull();
    }

    @Test
    void attemptForUnknownUserIsEmpty() {
        assertThat(users.beginLoginAttempt(new UserId(fixtures.newId()), POLICY, NOW)).isEmpty();
    }

    @Test
    void lockedUntilStoredAsUtc() {
        User user = fixtures.user(null);
        for (int i = 0; i < POLICY.threshold(); i++) {
            users.beginLoginAttempt(user.id(), POLICY, NOW);
        }

        LocalDateTime raw;
        try (Handle handle = Jdbi.open(database.unpooledDataSource())) {
            handle.execute("SET TIME ZONE 'America/Sao_Paulo'");
            raw = handle.createQuery("SELECT locked_until FROM \"user\" WHERE id = :id")
                    .bind("id", user.id().value())
                    .mapTo(LocalDateTime.class)
                    .one();
        }

        assertThat(raw).isEqualTo(LocalDateTime.parse("2026-03-01T10:15:00.123456"));
    }

    @Test
    void parallelDuplicateEmailsKeepOne() throws Exception {
        String email = "race-" + fixtures.newId() + "@example.test";
        ExecutorService executor = Executors.newFixedThreadPool(12);
        List<Future<User>> futures = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 12; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return users.insert(newUser(email, null, true, false));
                }));
            }
            start.countDown();
            int inserted = 0;
            int conflicts = 0;
            for (Future<User> future : futures) {
                try {
                    future.get();
                    inserted++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    conflicts++;
                }
            }

            assertThat(inserted).isEqualTo(1);
            assertThat(conflicts).isEqualTo(11);
        } finally {
            executor.shutdownNow();
        }
    }
}
