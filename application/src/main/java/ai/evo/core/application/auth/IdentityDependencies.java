package ai.evo.core.application.auth;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.domain.client.ClientRepository;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.mail.MailOutbox;
import ai.evo.core.domain.user.LockoutPolicy;
import ai.evo.core.domain.user.OneTimeTokenRepository;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.PasswordRules;
import ai.evo.core.domain.user.UserRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The ports and settings that the account services share, bundled so that wiring passes them once.
 *
 * @param transactions runs each change atomically with its audit entry and its mail
 * @param users        the user store
 * @param clients      the client store
 * @param tokens       the one-time token store
 * @param outbox       where mails wait for delivery
 * @param hasher       the password hasher
 * @param passwords    the rules for new passwords
 * @param lockout      when failed logins lock an account
 * @param audit        the audit writer
 * @param ids          source of new ids
 * @param clock        the current time
 * @param settings     the public URL and token lifetimes
 */
public record IdentityDependencies(
        Transactions transactions,
        UserRepository users,
        ClientRepository clients,
        OneTimeTokenRepository tokens,
        MailOutbox outbox,
        PasswordHasher hasher,
        PasswordRules passwords,
        LockoutPolicy lockout,
        AuditRecorder audit,
        IdGenerator ids,
        Clock clock,
        IdentitySettings settings) {

    public IdentityDependencies {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }
}
