package ai.evo.core.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.testing.DirectTransactions;
import ai.evo.core.domain.testing.FakePasswordHasher;
import ai.evo.core.domain.testing.InMemoryAuditTrail;
import ai.evo.core.domain.testing.InMemoryUserRepository;
import ai.evo.core.domain.testing.SequentialIds;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.PasswordPolicy;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AdminBootstrapTest {
    private final Clock clock = Clock.systemUTC();
    private InMemoryUserRepository users;
    private InMemoryAuditTrail trail;
    private FakePasswordHasher hasher;
    private AdminBootstrap bootstrap;

    @BeforeEach
    void setUp() {
        users = new InMemoryUserRepository(clock);
        trail = new InMemoryAuditTrail(clock);
        hasher = new FakePasswordHasher();
        SequentialIds ids = new SequentialIds();
        bootstrap = new AdminBootstrap(new DirectTransactions(), users, hasher, PasswordPolicy.DEFAULT,
                new AuditRecorder(trail, ids), ids);
    }

    @Test
    void createsConfiguredAdmin() {
        AdminBootstrap.CreatedAdmin created =
                bootstrap.ensureAdmin("Admin@Example.test", "configured admin passphrase").orElseThrow();

        User admin = users.findByEmail(EmailAddress.parse("email", "admin@example.test")).orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.active()).isTrue();
        assertThat(admin.emailVerified()).isTrue();
        assertThat(hasher.matches("configured admin passphrase", admin.passwordHash())).isTrue();
        assertThat(created.generatedPassword()).isEmpty();
    }

    @Test
    void generatesStrongPasswordWhenNoneConfigured() {
        AdminBootstrap.CreatedAdmin created = bootstrap.ensureAdmin("admin@example.test", null).orElseThrow();

        String password = created.generatedPassword().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.user().passwordHash()).isNotEqualTo(password);
        assertThat(hasher.matches(password, created.user().passwordHash())).isTrue();
        assertThat(created.toString()).doesNotContain(password);
    }

    @Test
    void doesNothingWhenActiveAdminExists() {
        bootstrap.ensureAdmin("admin@example.test", null);

        assertThat(bootstrap.ensureAdmin("second@example.test", null)).isEmpty();
        assertThat(users.findByEmail(EmailAddress.parse("email", "second@example.test"))).isEmpty();
    }

    @Test
    void auditsCreationWithoutPasswordHash() {
        bootstrap.ensureAdmin("admin@example.test", "configured admin passphrase");

        assertThat(trail.entries()).hasSize(1);
        assertThat(trail.entries().get(0).action()).isEqualTo(AuditAction.CREATE);
        Map<String, Object> after = (Map<String, Object>) trail.entries().get(0).details().get("after");
        assertThat(after).containsEntry("is_admin", true).doesNotContainKey("password_hash");
    }

    @Test
    void rejectsShortConfiguredPassword() {
        assertThatThrownBy(() -> bootstrap.ensureAdmin("admin@example.test", "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("admin password");
        assertThat(users.existsActiveAdmin()).isFalse();
    }

    @Test
    void refusesEmailOfExistingNonAdmin() {
        users.insert(new NewUser(new UserId(UUID.randomUUID()), EmailAddress.parse("email", "admin@example.test"),
                "hash", null, true, true, false));

        assertThatThrownBy(() -> bootstrap.ensureAdmin("admin@example.test", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin@example.test");
    }
}
