package ai.evo.core.application.user;

import static ai.evo.core.application.auth.IdentityFixture.ORIGIN;
import static ai.evo.core.application.auth.IdentityFixture.PASSWORD;
import static ai.evo.core.application.auth.IdentityFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.auth.AuthenticationService;
import ai.evo.core.application.auth.IdentityFixture;
import ai.evo.core.application.auth.PasswordService;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.AuditEntry;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserQuery;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserServiceTest {
    private final IdentityFixture fixture = new IdentityFixture();
    private final UserService service = new UserService(fixture.deps);
    private final User admin = fixture.addUser("admin@example.test", null, true);
    private final User userA = fixture.addClientUser("a@example.test");
    private final User userB = fixture.addClientUser("b@example.test");

    @Test
    void meReturnsCallersAccount() {
        assertThat(service.me(callerOf(userA)).id()).isEqualTo(userA.id());
    }

    @Test
    void onlyAdminsListEveryUser() {
        assertThat(service.list(callerOf(admin), UserQuery.all(), PageRequest.first()).items()).hasSize(3);
        assertThatThrownBy(() -> service.list(callerOf(userA), UserQuery.all(), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void listFiltersAndPages() {
        UserQuery admins = new UserQuery(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(service.list(callerOf(admin), admins, PageRequest.first()).items())
                .extracting(User::id).containsExactly(admin.id());
        UserQuery ofA = UserQuery.all().forClient(userA.clientId());
        assertThat(service.list(callerOf(admin), ofA, PageRequest.first()).items())
                .extracting(User::id).containsExactly(userA.id());

        Page<User> first = service.list(callerOf(admin), UserQuery.all(), new PageRequest(2, Optional.empty()));
        Page<User> second = service.list(callerOf(admin), UserQuery.all(), new PageRequest(2, first.next()));

        assertThat(first.items()).extracting(User::id).containsExactly(admin.id(), userA.id());
        assertThat(second.items()).extracting(User::id).containsExactly(userB.id());
        assertThat(second.next()).isEmpty();
    }

    @Test
    void lockedFilterJudgesLocksNow() {
        AuthenticationService login = new AuthenticationService(fixture.deps);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login.login("b@example.test", "wrong password here", ORIGIN))
                    .isInstanceOf(AuthenticationException.class);
        }
        UserQuery locked = new UserQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true));

        assertThat(service.list(callerOf(admin), locked, PageRequest.first()).items())
                .extracting(User::id).containsExactly(userB.id());
    }

    @Test
    void createAdminIsActiveVerifiedAdmin() {
        User created = service.createAdmin(callerOf(admin), "Second.Admin@Example.test", "another good passphrase");

        assertThat(created.admin()).isTrue();
        assertThat(created.active()).isTrue();
        assertThat(created.clientId()).isNull();
        assertThat(created.email().value()).isEqualTo("second.admin@example.test");
        assertThatThrownBy(() -> service.createAdmin(callerOf(userA), "x@example.test", "another good passphrase"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void createWithTakenEmailConflicts() {
        assertThatThrownBy(() -> service.createAdmin(callerOf(admin), "A@Example.test", "another good passphrase"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.createClientUser(callerOf(admin), userA.clientId(), " a@example.TEST",
                "another good passphrase")).isInstanceOf(ConflictException.class);
    }

    @Test
    void adminCannotDeactivateItself() {
        assertThatThrownBy(() -> service.deactivate(callerOf(admin), admin.id()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void lastActiveAdminStays() {
        User second = service.createAdmin(callerOf(admin), "second@example.test", "another good passphrase");

        service.deactivate(callerOf(second), admin.id());

        assertThatThrownBy(() -> service.updateAdmin(callerOf(admin), second.id(), false))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.updateAdmin(callerOf(second), second.id(), false))
                .isInstanceOf(ForbiddenException.class);
        User third = fixture.addUser("third@example.test", null, true);
        fixture.users.updateActive(third.id(), false);
        assertThatThrownBy(() -> service.deactivate(callerOf(third), second.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("last active admin");
        assertThat(fixture.users.findById(second.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void deactivateVoidsTokensAndAudits() {
        long versionBefore = fixture.users.tokenVersion(userA.id());

        User after = service.deactivate(callerOf(admin), userA.id());

        assertThat(after.active()).isFalse();
        assertThat(fixture.users.tokenVersion(userA.id())).isGreaterThan(versionBefore);
        AuditEntry entry = fixture.trail.entries().get(fixture.trail.entries().size() - 1);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(((Map<?, ?>) entry.details().get("before")).get("is_active")).isEqualTo(true);
        assertThat(((Map<?, ?>) entry.details().get("after")).get("is_active")).isEqualTo(false);
        assertThat(entry.details().toString()).doesNotContain("fake$");
    }

    @Test
    void deactivateVoidsPendingResetToken() {
        PasswordService passwords = new PasswordService(fixture.deps);
        passwords.requestReset(ORIGIN, "a@example.test");
        String token = fixture.lastMailedToken();

        service.deactivate(callerOf(admin), userA.id());

        assertThat(fixture.tokens.rows()).allSatisfy(row -> assertThat(row.usedAt()).isNotNull());
        assertThatThrownBy(() -> passwords.resetPassword(ORIGIN, token, "an entirely new passphrase"))
                .hasMessageContaining("invalid");
    }

    @Test
    void deactivateUnknownIsNotFound() {
        assertThatThrownBy(() -> service.deactivate(callerOf(admin), new UserId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void usersCannotDeactivate() {
        assertThatThrownBy(() -> service.deactivate(callerOf(userA), userB.id()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void unlockClearsLockAndAudits() {
        AuthenticationService login = new AuthenticationService(fixture.deps);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login.login("a@example.test", "wrong password here", ORIGIN))
                    .isInstanceOf(AuthenticationException.class);
        }

        User after = service.unlock(callerOf(admin), userA.id());

        assertThat(after.lockedUntil()).isNull();
        assertThat(after.failedLoginAttempts()).isZero();
        assertThat(login.login("a@example.test", PASSWORD, ORIGIN).id()).isEqualTo(userA.id());
        assertThat(fixture.trail.entries()).extracting(AuditEntry::action).contains(AuditAction.ACCOUNT_UNLOCKED);
        assertThatThrownBy(() -> service.unlock(callerOf(userA), userA.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void updateAdminVoidsTokens() {
        service.updateAdmin(callerOf(admin), userA.id(), true);

        assertThat(fixture.users.findById(userA.id()).orElseThrow().admin()).isTrue();
        assertThat(fixture.users.tokenVersion(userA.id())).isEqualTo(1);
    }

    @Test
    void colleaguesListEachOther() {
        User colleague = service.createClientUser(callerOf(admin), userA.clientId(), "a2@example.test",
                "another good passphrase");

        Page<User> seen = service.listClientUsers(callerOf(userA), userA.clientId(), PageRequest.first());

        assertThat(seen.items()).extracting(User::id).containsExactly(userA.id(), colleague.id());
        assertThat(colleague.active()).isTrue();
        assertThat(fixture.outbox.messages()).singleElement()
                .satisfies(mail -> assertThat(mail.to().value()).isEqualTo("a2@example.test"));
    }

    @Test
    void otherTenantsUsersAreNotFound() {
        assertThatThrownBy(() -> service.listClientUsers(callerOf(userB), userA.clientId(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.createClientUser(callerOf(userB), userA.clientId(), "x@example.test",
                "another good passphrase")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void usersCannotCreateColleagues() {
        assertThatThrownBy(() -> service.createClientUser(callerOf(userA), userA.clientId(), "x@example.test",
                "another good passphrase")).isInstanceOf(ForbiddenException.class);
    }
}
