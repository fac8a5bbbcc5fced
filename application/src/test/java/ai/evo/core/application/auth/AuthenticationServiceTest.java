package ai.evo.core.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.testing.FakePasswordHasher;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryMailOutbox;
import ai.evo.core.domain.testing.InMemoryUserRepository;
import ai.evo.core.domain.testing.MutableClock;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.4", "test-agent");

    private MutableClock clock;
    private InMemoryUserRepository users;
    private InMemoryAuditTrail trail;
    private FakePasswordHasher hasher;
    private InMemoryMailOutbox outbox;
    private AuthenticationService service;

    @BeforeEach
    void setUp() {
        IdentityFixture fixture = new IdentityFixture();
        clock = fixture.clock;
        users = fixture.users;
        trail = fixture.trail;
        hasher = fixture.hasher;
        outbox = fixture.outbox;
        service = new AuthenticationService(fixture.deps);
    }

    private User addUser(String email, boolean active) {
        return users.insert(new NewUser(new UserId(UUID.randomUUID()), EmailAddress.parse("email", email),
                hasher.hash(PASSWORD), null, active, true, false));
    }

    private void failLogin(String email) {
        assertThatThrownBy(() -> service.login(email, "wrong password here", ORIGIN))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(AuthenticationService.LOGIN_FAILED);
    }

    @Test
    void loginSucceedsWhateverTheEmailCase() {
        User user = addUser("user3@example.test", true);

        assertThat(service.login(" USER3@example.TEST ", PASSWORD, ORIGIN).id()).isEqualTo(user.id());
    }

    @Test
    void unknownEmailStillVerifiesOnePassword() {
        int before = hasher.verifications();

        failLogin("nobody@example.test");

        assertThat(hasher.verifications()).isEqualTo(before + 1);
        assertThat(trail.entries()).isEmpty();
    }

    @Test
    void inactiveUserCannotLogIn() {
        addUser("idle@example.test", false);

        assertThatThrownBy(() -> service.login("idle@example.test", PASSWORD, ORIGIN))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void failuresLockAccountAtThreshold() {
        User user = addUser("target@example.test", true);

        failLogin("target@example.test");
        failLogin("target@example.test");
        failLogin("target@example.test");

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.failedLoginAttempts()).isEqualTo(3);
        assertThat(stored.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(trail.entries()).extracting(AuditEntry::action).containsExactly(
                AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED,
                AuditAction.ACCOUNT_LOCKED);
    }

    @Test
    void lockSendsOwnerOneNotice() {
        addUser("target@example.test", true);

        failLogin("target@example.test");
        failLogin("target@example.test");
        assertThat(outbox.messages()).isEmpty();
        failLogin("target@example.test");
        failLogin("target@example.test");

        assertThat(outbox.messages()).hasSize(1);
        MailMessage notice = outbox.messages().get(0);
        assertThat(notice.to().value()).isEqualTo("target@example.test");
        assertThat(notice.subject()).isEqualTo("Your account was locked");
        assertThat(notice.body()).contains("3 failed sign-in attempts")
                .contains("https://evo.example.test/api/v1/auth/forgot-password");
    }

    @Test
    void failureAuditCarriesOriginWithoutPassword() {
        addUser("target@example.test", true);

        failLogin("target@example.test");

        AuditEntry entry = trail.entries().get(0);
        assertThat(entry.origin()).isEqualTo(ORIGIN);
        assertThat(entry.details().toString()).doesNotContain("wrong password here");
    }

    @Test
    void lockedAccountRefusesRightPassword() {
        addUser("target@example.test", true);
        for (int i = 0; i < 3; i++) {
            failLogin("target@example.test");
        }

        assertThatThrownBy(() -> service.login("target@example.test", PASSWORD, ORIGIN))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(AuthenticationService.LOGIN_FAILED);
    }

    @Test
    void lockExpiresAfterDuration() {
        addUser("target@example.test", true);
        for (int i = 0; i < 3; i++) {
            failLogin("target@example.test");
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(service.login("target@example.test", PASSWORD, ORIGIN)).isNotNull();
    }

    @Test
    void successResetsCounter() {
        User user = addUser("target@example.test", true);
        failLogin("target@example.test");
        failLogin("target@example.test");

        service.login("target@example.test", PASSWORD, ORIGIN);

        assertThat(users.findById(user.id()).orElseThrow().failedLoginAttempts()).isZero();
    }

    @Test
    void rightPasswordOnThresholdAttemptLiftsItsOwnLock() {
        User user = addUser("target@example.test", true);
        failLogin("target@example.test");
        failLogin("target@example.test");

        service.login("target@example.test", PASSWORD, ORIGIN);

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.lockedUntil()).isNull();
        assertThat(stored.failedLoginAttempts()).isZero();
    }
}
