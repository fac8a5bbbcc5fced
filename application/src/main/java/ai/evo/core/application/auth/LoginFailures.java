package ai.evo.core.application.auth;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.RequestOrigin;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.LoginAttempt;
import ai.evo.core.domain.user.User;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Records a wrong password: one {@code LOGIN_FAILED} audit entry, and when the attempt locked the account one
 * {@code ACCOUNT_LOCKED} entry and a notice to the owner, all in one transaction. Thread-safe.
 */
final class LoginFailures {
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final IdGenerator ids;
    private final LockoutPolicy lockout;
    private final Clock clock;

    LoginFailures(Transactions transactions, AuditRecorder audit, MailOutbox outbox, AccountMails mails,
                  IdGenerator ids, LockoutPolicy lockout, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mails = Objects.requireNonNull(mails, "mails");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void record(User user, LoginAttempt attempt, RequestOrigin origin) {
        Caller actor = new Caller(user.id(), user.admin(), user.clientId(), origin);
        transactions.inTransaction(() -> {
            audit.record(actor, AuditAction.LOGIN_FAILED, ResourceType.USER, user.id().value(), user.clientId(),
                    Map.of("attempt", attempt.number()));
            if (attempt.locksAccount()) {
                audit.record(actor, AuditAction.ACCOUNT_LOCKED, ResourceType.USER, user.id().value(),
                        user.clientId(), Map.of("attempts", attempt.number(),
                                "locked_for_seconds", lockout.duration().toSeconds()));
                outbox.enqueue(ids.newId(), mails.accountLocked(user.email(), attempt.number(),
                        lockout.lockedUntil(clock.instant())));
            }
            return null;
        });
    }
}
