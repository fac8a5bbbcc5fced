package ai.evo.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.mail.OutboxMail;
import ai.evo.core.domain.user.AccessState;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.OneTimeToken;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.OneTimeTokenRepository;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserQuery;
import ai.evo.core.domain.user.UserRepository;
import ai.evo.core.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One-time tokens, the mail outbox and the user queries of the account flows, on real PostgreSQL. */
class IdentityRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static TestDatabase database;
    private static PostgresPersistence persistence;
    private static UserRepository users;
    private static OneTimeTokenRepository tokens;
    private static MailOutbox outbox;
    private static Fixtures fixtures;
    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        persistence = database.persistence(20);
        users = persistence.users();
        tokens = persistence.oneTimeTokens();
        outbox = persistence.mailOutbox();
        fixtures = new Fixtures(persistence);
        jdbi = Jdbi.create(database.unpooledDataSource());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
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

    private static String issue(User user, OneTimeTokenPurpose purpose, Instant expiresAt) {
        OneTimeToken token = OneTimeToken.generate();
        tokens.issue(fixtures.newId(), user.id(), purpose, token.hash(), expiresAt, NOW);
        return token.hash();
    }

    @Test
    void tokenIsUsableOnce() {
        User user = fixtures.user(null);
        String hash = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(3600));

        assertThat(tokens.findUsable(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).contains(user.id());
        assertThat(tokens.consume(hash, OneTimeTokenPurpose.EMAIL_VERIFICATION, NOW)).isEmpty();
        assertThat(tokens.consume(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).contains(user.id());
        assertThat(tokens.consume(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).isEmpty();
        assertThat(tokens.findUsable(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).isEmpty();
    }

    @Test
    void expiredTokenIsUnusable() {
        User user = fixtures.user(null);
        String hash = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(60));

        assertThat(tokens.consume(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void newTokenVoidsOlderOfSamePurpose() {
        User user = fixtures.user(null);
        String reset = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(3600));
        String verification = issue(user, OneTimeTokenPurpose.EMAIL_VERIFICATION, NOW.plusSeconds(3600));
        String newer = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(3600));

        assertThat(tokens.consume(reset, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).isEmpty();
        assertThat(tokens.consume(newer, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).contains(user.id());
        assertThat(tokens.consume(verification, OneTimeTokenPurpose.EMAIL_VERIFICATION, NOW)).contains(user.id());
    }

    @Test
    void parallelUsesOfOneTokenSucceedOnce() throws Exception {
        User user = fixtures.user(null);
        String hash = issue(user, OneTimeTokenPurpose.PASSWORD_RESET, NOW.plusSeconds(3600));

        List<Optional<UserId>> results = race(20,
                () -> tokens.consume(hash, OneTimeTokenPurpose.PASSWORD_RESET, NOW));

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
    }

    @Test
    void tokenTableHoldsOnlyHashes() {
        User user = fixtures.user(null);
        OneTimeToken token = OneTimeToken.generate();
        tokens.issue(fixtures.newId(), user.id(), OneTimeTokenPurpose.EMAIL_VERIFICATION, token.hash(),
                NOW.plusSeconds(60), NOW);

        List<String> stored = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT token_hash FROM one_time_token WHERE user_id = :user").bind("user", user.id().value())
                .mapTo(String.class).list());

        assertThat(stored).containsExactly(token.hash());
        assertThat(stored.get(0)).doesNotContain(token.value());
    }

    @Test
    void passwordUpdateIncrementsTokenVersion() {
        User user = fixtures.user(null);
        long before = users.findAccessState(user.id()).orElseThrow().tokenVersion();

        users.updatePassword(user.id(), "$2a$04$another.hash", false);
        users.updateActive(user.id(), false);

        AccessState after = users.findAccessState(user.id()).orElseThrow();
        assertThat(after.tokenVersion()).isEqualTo(before + 2);
        assertThat(after.active()).isFalse();
    }

    @Test
    void passwordResetLiftsLock() {
        User user = fixtures.user(null);
        LockoutPolicy policy = new LockoutPolicy(1, Duration.ofMinutes(15));
        users.beginLoginAttempt(user.id(), policy, NOW);

        User reset = users.updatePassword(user.id(), "$2a$04$another.hash", true).orElseThrow();

        assertThat(reset.lockedUntil()).isNull();
        assertThat(reset.failedLoginAttempts()).isZero();
    }

    @Test
    void listFiltersByClientAdminAndLock() {
        Client client = fixtures.client();
        User first = fixtures.user(client.id());
        User second = fixtures.user(client.id());
        users.beginLoginAttempt(second.id(), new LockoutPolicy(1, Duration.ofMinutes(15)), NOW);

        Page<User> ofClient = users.list(UserQuery.all().forClient(client.id()), new PageRequest(1, Optional.empty()),
                NOW);
        Page<User> next = users.list(UserQuery.all().forClient(client.id()), new PageRequest(1, ofClient.next()), NOW);
        UserQuery locked = new UserQuery(Optional.of(false), Optional.of(client.id()), Optional.of(true),
                Optional.of(true));

        assertThat(ofClient.items()).extracting(User::id).containsExactly(first.id());
        assertThat(next.items()).extracting(User::id).containsExactly(second.id());
        assertThat(next.next()).isEmpty();
        assertThat(users.list(locked, PageRequest.first(), NOW).items()).extracting(User::id)
                .containsExactly(second.id());
        assertThat(users.list(locked, PageRequest.first(), NOW.plus(Duration.ofMinutes(16))).items()).isEmpty();
    }

    @Test
    void outboxEncryptsBodyAndClearsItWhenSent() {
        UUID id = fixtures.newId();
        MailMessage message = new MailMessage(new EmailAddress("user@example.test"), "Reset your password",
                "token: secret-link-value");
        outbox.enqueue(id, message);

        String stored = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT body_encrypted FROM mail_outbox WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(stored).doesNotContain("secret-link-value").startsWith("v1:");

        List<OutboxMail> claimed = outbox.claimDue(100, 10, Instant.now().plusSeconds(1), Duration.ofMinutes(5));
        OutboxMail mine = claimed.stream().filter(mail -> mail.id().equals(id)).findFirst().orElseThrow();
        assertThat(mine.message().body()).isEqualTo("token: secret-link-value");
        assertThat(mine.attempt()).isEqualTo(1);

        outbox.markSent(id, Instant.now());
        String afterSend = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT body_encrypted FROM mail_outbox WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(afterSend).isNull();
    }

    @Test
    void parallelClaimsNeverShareMessage() throws Exception {
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            UUID id = fixtures.newId();
            queued.add(id);
            outbox.enqueue(id, new MailMessage(new EmailAddress("u" + i + "@example.test"), "Subject", "Body"));
        }
        Instant later = Instant.now().plusSeconds(5);

        List<List<OutboxMail>> claims = race(8, () -> outbox.claimDue(5, 10, later, Duration.ofMinutes(5)));

        List<UUID> claimed = claims.stream().flatMap(List::stream).map(OutboxMail::id)
                .filter(queued::contains).toList();
        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(outbox.claimDue(100, 10, later, Duration.ofMinutes(5))).extracting(OutboxMail::id)
                .doesNotContainAnyElementsOf(claimed);
    }
}
