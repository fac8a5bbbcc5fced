package ai.evo.core.application.auth;

import static ai.evo.core.application.auth.IdentityFixture.ORIGIN;
import static ai.evo.core.application.auth.IdentityFixture.PASSWORD;
import static ai.evo.core.application.auth.IdentityFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordServiceTest {
    private static final String NEW_PASSWORD = "an entirely new passphrase";

    private final IdentityFixture fixture = new IdentityFixture();
    private final PasswordService service = new PasswordService(fixture.deps);
    private final AuthenticationService login = new AuthenticationService(fixture.deps);

    private static ValidationException rejected(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a validation failure");
    }

    private void assertInvalidToken(Runnable action) {
        assertThat(rejected(action).errors()).containsExactly(new FieldError("token", AccountTokens.INVALID_TOKEN));
    }

    @Test
    void unknownEmailGetsSameAnswerAndNoMail() {
        service.requestReset(ORIGIN, "nobody@example.test");

        assertThat(fixture.outbox.messages()).isEmpty();
        assertThat(fixture.tokens.rows()).isEmpty();
        assertThat(fixture.trail.entries()).isEmpty();
    }

    @Test
    void resetRequestFindsAccountWhateverTheCase() {
        fixture.addClientUser("user3@example.test");

        service.requestReset(ORIGIN, "user3@EXAMPLE.test");

        assertThat(fixture.outbox.messages()).singleElement().satisfies(mail -> {
            assertThat(mail.to().value()).isEqualTo("user3@example.test");
            assertThat(mail.body()).contains("https://evo.example.test/api/v1/auth/reset-password")
                    .contains("1 hour");
        });
        assertThat(fixture.trail.entries()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.PASSWORD_RESET_REQUESTED);
    }

    @Test
    void resetWithNewestTokenVoidsOthers() {
        User user = fixture.addClientUser("user3@example.test");
        service.requestReset(ORIGIN, "user3@example.test");
        String first = fixture.lastMailedToken();
        service.requestReset(ORIGIN, "user3@example.test");
        String second = fixture.lastMailedToken();
        long versionBefore = fixture.users.tokenVersion(user.id());

        service.resetPassword(ORIGIN, second, NEW_PASSWORD);

        assertThat(fixture.users.tokenVersion(user.id())).isGreaterThan(versionBefore);
        assertInvalidToken(() -> service.resetPassword(ORIGIN, second, "yet another passphrase"));
        assertInvalidToken(() -> service.resetPassword(ORIGIN, first, "yet another passphrase"));
        assertThat(login.login("user3@example.test", NEW_PASSWORD, ORIGIN).id()).isEqualTo(user.id());
    }

    @Test
    void resetIsAuditedWithoutSecrets() {
        fixture.addClientUser("user3@example.test");
        service.requestReset(ORIGIN, "user3@example.test");
        String token = fixture.lastMailedToken();

        service.resetPassword(ORIGIN, token, NEW_PASSWORD);

        AuditEntry entry = fixture.trail.entries().get(fixture.trail.entries().size() - 1);
        assertThat(entry.action()).isEqualTo(AuditAction.PASSWORD_RESET);
        assertThat(entry.origin()).isEqualTo(ORIGIN);
        assertThat(entry.details().toString()).doesNotContain(token).doesNotContain(NEW_PASSWORD)
                .doesNotContain("fake$");
    }

    @Test
    void expiredResetTokenFails() {
        fixture.addClientUser("user3@example.test");
        service.requestReset(ORIGIN, "user3@example.test");
        String token = fixture.lastMailedToken();

        fixture.clock.advance(Duration.ofHours(1));

        assertInvalidToken(() -> service.resetPassword(ORIGIN, token, NEW_PASSWORD));
    }

    @Test
    void rejectedNewPasswordKeepsTokenUsable() {
        fixture.addClientUser("user3@example.test");
        service.requestReset(ORIGIN, "user3@example.test");
        String token = fixture.lastMailedToken();

        ValidationException e = rejected(() -> service.resetPassword(ORIGIN, token, "user3"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("new_password");
        service.resetPassword(ORIGIN, token, NEW_PASSWORD);
    }

    @Test
    void verificationTokenCannotResetPassword() {
        RegistrationService registration = new RegistrationService(fixture.deps);
        registration.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");

        assertInvalidToken(() -> service.resetPassword(ORIGIN, fixture.lastMailedToken(), NEW_PASSWORD));
    }

    @Test
    void resetLiftsLockout() {
        User user = fixture.addClientUser("user3@example.test");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login.login("user3@example.test", "wrong password here", ORIGIN))
                    .isInstanceOf(AuthenticationException.class);
        }
        service.requestReset(ORIGIN, "user3@example.test");

        service.resetPassword(ORIGIN, fixture.lastMailedToken(), NEW_PASSWORD);

        User stored = fixture.users.findById(user.id()).orElseThrow();
        assertThat(stored.lockedUntil()).isNull();
        assertThat(stored.failedLoginAttempts()).isZero();
    }

    @Test
    void changeNeedsRightCurrentPassword() {
        User user = fixture.addClientUser("user3@example.test");

        ValidationException e = rejected(() -> service.changePassword(callerOf(user), "not my password", NEW_PASSWORD));

        assertThat(e.errors()).containsExactly(
                new FieldError("current_password", PasswordService.WRONG_CURRENT_PASSWORD));
        assertThat(fixture.trail.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.LOGIN_FAILED);
        assertThat(fixture.users.findById(user.id()).orElseThrow().failedLoginAttempts()).isEqualTo(1);
    }

    @Test
    void changeVoidsAccessTokens() {
        User user = fixture.addClientUser("user3@example.test");
        long versionBefore = fixture.users.tokenVersion(user.id());

        service.changePassword(callerOf(user), PASSWORD, NEW_PASSWORD);

        assertThat(fixture.users.tokenVersion(user.id())).isGreaterThan(versionBefore);
        assertThat(fixture.trail.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.PASSWORD_CHANGED);
        assertThat(login.login("user3@example.test", NEW_PASSWORD, ORIGIN).id()).isEqualTo(user.id());
    }

    @Test
    void changeRejectsWeakNewPassword() {
        User user = fixture.addClientUser("user3@example.test");

        ValidationException e = rejected(() -> service.changePassword(callerOf(user), PASSWORD, "CorrectHorseBattery"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("new_password");
        assertThat(fixture.users.tokenVersion(user.id())).isZero();
    }

    @Test
    void changeNeedsSignedInUser() {
        assertThatThrownBy(() -> service.changePassword(Caller.system(), PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AuthenticationException.class);
    }
}
