package ai.evo.core.application.auth;

import ai.evo.core.application.shared.AuditRecorder;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.IdGenerator;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.PasswordHasher;
import ai.evo.core.domain.user.PasswordPolicy;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the first admin account when the platform has no active admin, so a new installation can be
 * signed into. Thread-safe; when several instances start at once, one creates the account and the others
 * find it.
 */
public final class AdminBootstrap {
    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    /**
     * The admin account that was created.
     *
     * @param user              the stored account
     * @param generatedPassword the password chosen for it when none was configured, to show once; empty when
     *                          the configured password was used
     */
    public record CreatedAdmin(User user, Optional<String> generatedPassword) {
        @Override
        public String toString() {
            return "CreatedAdmin[user=" + user + "]";
        }
    }

    /**
     * Creates the bootstrapper.
     *
     * @param transactions runs the creation atomically with its audit entry
     * @param users        the user store
     * @param hasher       the password hasher
     * @param policy       rules a configured password must follow
     * @param audit        the audit writer
     * @param ids          source of the new user id
     */
    public AdminBootstrap(Transactions transactions, UserRepository users, PasswordHasher hasher,
                          PasswordPolicy policy, AuditRecorder audit, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates an active, verified admin unless an active admin exists.
     *
     * @param email    the admin's email
     * @param password the admin's password, or null to generate a strong one
     * @return the created admin, or empty when an active admin already existed
     * @throws ai.evo.core.domain.common.ValidationException when the email or the configured password is invalid
     * @throws IllegalStateException when the email belongs to an account that is not an active admin
     */
    public Optional<CreatedAdmin> ensureAdmin(String email, String password) {
        if (users.existsActiveAdmin()) {
            return Optional.empty();
        }
        EmailAddress address = EmailAddress.parse("admin email", email);
        Optional<String> generated = password == null ? Optional.of(PasswordGenerator.generate()) : Optional.empty();
        String chosen = generated.orElse(password);
        Validator validator = new Validator();
        policy.check(validator, "admin password", chosen);
        validator.throwIfInvalid();
        if (users.findByEmail(address).isPresent()) {
            throw new IllegalStateException("the admin email " + address + " belongs to an account that is not an"
                    + " active admin; choose another admin email or make that account an admin");
        }
        NewUser admin = new NewUser(new UserId(ids.newId()), address, hasher.hash(chosen), null, true, true, true);
        try {
            User created = transactions.inTransaction(() -> {
                User stored = users.insert(admin);
                audit.recordChange(Caller.system(), AuditAction.CREATE, ResourceType.USER, stored.id().value(),
                        null, null, Snapshots.of(stored));
                return stored;
            });
            return Optional.of(new CreatedAdmin(created, generated));
        } catch (ConflictException raced) {
            return Optional.empty();
        }
    }
}
