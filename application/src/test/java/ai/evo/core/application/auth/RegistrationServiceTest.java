package ai.evo.core.application.auth;

import static ai.evo.core.application.auth.IdentityFixture.ORIGIN;
import static ai.evo.core.application.auth.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.mail.MailMessage;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserQuery;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {
    private final IdentityFixture fixture = new IdentityFixture();
    private final RegistrationService service = new RegistrationService(fixture.deps);

    private static ValidationException rejected(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a validation failure");
    }

    @Test
    void registerCreatesInactiveUserOfNewClient() {
        User user = service.register(ORIGIN, " User3@Example.test ", PASSWORD, "Acme");

        assertThat(user.email().value()).isEqualTo("user3@example.test");
        assertThat(user.active()).isFalse();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.admin()).isFalse();
        assertThat(fixture.clients.findById(user.clientId()).orElseThrow().details().name()).isEqualTo("Acme");
    }

    @Test
    void registerQueuesVerificationLinkFromPublicUrl() {
        service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");

        MailMessage mail = fixture.outbox.messages().get(0);
        assertThat(mail.to().value()).isEqualTo("user3@example.test");
        assertThat(mail.body()).contains("https://evo.example.test/api/v1/auth/verify-email/"
                + fixture.lastMailedToken());
        assertThat(mail.body()).contains("24 hours");
    }

    @Test
    void registerStoresOnlyTokenHash() {
        service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");
        String token = fixture.lastMailedToken();

        var row = fixture.tokens.rows().get(0);
        assertThat(row.tokenHash()).hasSize(64).doesNotContain(token);
        assertThat(row.purpose()).isEqualTo(OneTimeTokenPurpose.EMAIL_VERIFICATION);
        assertThat(row.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void registerWritesOneAuditEntryWithoutHash() {
        User user = service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");

        assertThat(fixture.trail.entries()).hasSize(1);
        AuditEntry entry = fixture.trail.entries().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.resourceId()).isEqualTo(user.id().value());
        assertThat(entry.origin()).isEqualTo(ORIGIN);
        assertThat(entry.details().toString()).doesNotContain("fake$").doesNotContain(PASSWORD);
    }

    @Test
    void registeredEmailInAnyCaseConflicts() {
        service.register(ORIGIN, "User3@Example.test", PASSWORD, "Acme");

        for (String variant : new String[] {"user3@example.test", " USER3@EXAMPLE.TEST "}) {
            assertThatThrownBy(() -> service.register(ORIGIN, variant, PASSWORD, "Other"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already registered");
        }
        assertThat(fixture.users.list(UserQuery.all(), PageRequest.first(), fixture.clock.instant()).items())
                .hasSize(1);
        assertThat(fixture.clients.list(PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void registerReportsEveryInvalidField() {
        ValidationException e = rejected(() -> service.register(ORIGIN, "not-an-email", "short", " "));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "email", "password");
        assertThat(fixture.outbox.messages()).isEmpty();
    }

    @Test
    void registerRejectsGuessablePasswords() {
        Map<String, String> cases = Map.of(
                "PasswordPassword123", "commonly used",
                "longlocalpart.user", "email address",
                "Acme Widgets Limited", "organization's name");
        cases.forEach((password, reason) -> {
            ValidationException e = rejected(() -> service.register(ORIGIN, "LongLocalPart.User@example.test",
                    password, "Acme Widgets Limited"));
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("password");
                assertThat(error.message()).contains(reason);
            });
        });
    }

    @Test
    void verifyActivatesAccountOnce() {
        User user = service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");
        String token = fixture.lastMailedToken();

        User verified = service.verifyEmail(ORIGIN, token);

        assertThat(verified.active()).isTrue();
        assertThat(verified.emailVerified()).isTrue();
        assertThat(fixture.trail.entries()).extracting(AuditEntry::action).last().isEqualTo(AuditAction.EMAIL_VERIFIED);
        int auditCount = fixture.trail.entries().size();
        ValidationException second = rejected(() -> service.verifyEmail(ORIGIN, token));
        assertThat(second.errors()).containsExactly(new FieldError("token", AccountTokens.INVALID_TOKEN));
        assertThat(fixture.trail.entries()).hasSize(auditCount);
        assertThat(fixture.users.findById(user.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void resendVoidsEarlierVerificationLink() {
        service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");
        String first = fixture.lastMailedToken();

        service.resendVerification(ORIGIN, "USER3@example.test");
        String second = fixture.lastMailedToken();

        assertThat(second).isNotEqualTo(first);
        assertThat(rejected(() -> service.verifyEmail(ORIGIN, first)).errors())
                .containsExactly(new FieldError("token", AccountTokens.INVALID_TOKEN));
        assertThat(service.verifyEmail(ORIGIN, second).active()).isTrue();
    }

    @Test
    void resendIgnoresUnknownAndVerifiedEmails() {
        fixture.addClientUser("done@example.test");

        service.resendVerification(ORIGIN, "nobody@example.test");
        service.resendVerification(ORIGIN, "done@example.test");

        assertThat(fixture.outbox.messages()).isEmpty();
        assertThat(fixture.trail.entries()).isEmpty();
    }

    @Test
    void expiredVerificationTokenFails() {
        service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");
        String token = fixture.lastMailedToken();

        fixture.clock.advance(Duration.ofHours(24));

        assertThat(rejected(() -> service.verifyEmail(ORIGIN, token)).errors())
                .containsExactly(new FieldError("token", AccountTokens.INVALID_TOKEN));
    }

    @Test
    void alteredTokensFailWithOneMessage() {
        service.register(ORIGIN, "user3@example.test", PASSWORD, "Acme");
        String token = fixture.lastMailedToken();
        char last = token.charAt(token.length() - 1);
        String lastChanged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String caseChanged = swapCase(token);

        for (String altered : new String[] {lastChanged, caseChanged, token + "x", "", null}) {
            assertThat(rejected(() -> service.verifyEmail(ORIGIN, altered)).errors())
                    .containsExactly(new FieldError("token", AccountTokens.INVALID_TOKEN));
        }
        assertThat(service.verifyEmail(ORIGIN, token).active()).isTrue();
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder();
        for (char c : text.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
