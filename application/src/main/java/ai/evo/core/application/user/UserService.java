package ai.evo.core.application.user;

import ai.evo.core.application.auth.AccountTokens;
import ai.evo.core.application.auth.IdentityDependencies;
import ai.evo.core.application.auth.RegistrationService;
import ai.evo.core.application.shared.Caller;
import ai.evo.core.application.shared.Snapshots;
import ai.evo.core.domain.audit.AuditAction;
import ai.evo.core.domain.audit.ResourceType;
import ai.evo.core.domain.client.Client;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.common.Validator;
import ai.evo.core.domain.user.NewUser;
import ai.evo.core.domain.user.OneTimeTokenPurpose;
import ai.evo.core.domain.user.User;
import ai.evo.core.domain.user.UserId;
import ai.evo.core.domain.user.UserQuery;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and manages user accounts.
 *
 * <p>Every signed-in user reads its own account. Admins list every account, create admins and client users,
 * deactivate and unlock accounts and change the admin flag. A client's users list the users of their own
 * client, and get "not found" for any other client. Every change writes one audit entry with the before and
 * after state, password hash removed, in the change's transaction. Thread-safe.
 */
public final class UserService {
    private static final String USER = "user";
    private static final String CLIENT = "client";

    private final IdentityDependencies deps;
    private final AccountTokens tokens;

    /**
     * Creates the service.
     *
     * @param deps the shared ports and settings
     */
    public UserService(IdentityDependencies deps) {
        this.deps = Objects.requireNonNull(deps, "deps");
        this.tokens = new AccountTokens(deps);
    }

    /**
     * Reads the caller's own account.
     *
     * @param caller who acts
     * @return the account
     * @throws AuthenticationException when the caller is no signed-in user or the account no longer exists
     */
    public User me(Caller caller) {
        if (caller.userId() == null) {
            throw new AuthenticationException("sign in to read the account");
        }
        return deps.users().findById(caller.userId())
                .orElseThrow(() -> new AuthenticationException("the account no longer exists"));
    }

    /**
     * Lists accounts of the whole platform in creation order. Admins only.
     *
     * @param caller who acts
     * @param query  the filters
     * @param page   which page to read
     * @return the page
     */
    public Page<User> list(Caller caller, UserQuery query, PageRequest page) {
        requireAdmin(caller, "list every user");
        return deps.users().list(query, page, deps.clock().instant());
    }

    /**
     * Creates a platform admin without an organization, active and verified. Admins only.
     *
     * @param caller   who acts
     * @param email    the new admin's email
     * @param password the new admin's password
     * @return the new account
     * @throws ValidationException naming every invalid field
     * @throws ConflictException   when the email already has an account
     */
    public User createAdmin(Caller caller, String email, String password) {
        requireAdmin(caller, "create admins");
        EmailAddress address = checkNewAccount(email, password, null);
        String hash = deps.hasher().hash(password);
        return deps.transactions().inTransaction(() -> {
            User created = insert(new NewUser(new UserId(deps.ids().newId()), address, hash, null, true, true,
                    true));
            deps.audit().recordChange(caller, AuditAction.CREATE, ResourceType.USER, created.id().value(), null,
                    null, Snapshots.of(created));
            return created;
        });
    }

    /**
     * Creates a user of a client, active but unverified, and queues its verification mail. Admins only.
     *
     * @param caller   who acts
     * @param clientId the client
     * @param email    the new user's email
     * @param password the new user's password
     * @return the new account
     * @throws NotFoundException   when the client does not exist or the caller may not see it
     * @throws ForbiddenException  when a user of that client tries it
     * @throws ValidationException naming every invalid field
     * @throws ConflictException   when the email already has an account
     */
    public User createClientUser(Caller caller, ClientId clientId, String email, String password) {
        if (!caller.canSee(clientId)) {
            throw new NotFoundException(CLIENT);
        }
        requireAdmin(caller, "create users of a client");
        Client client = deps.clients().findById(clientId).orElseThrow(() -> new NotFoundException(CLIENT));
        EmailAddress address = checkNewAccount(email, password, client.details().name());
        String hash = deps.hasher().hash(password);
        return deps.transactions().inTransaction(() -> {
            User created = insert(new NewUser(new UserId(deps.ids().newId()), address, hash, clientId, true, false,
                    false));
            tokens.sendVerification(created);
            deps.audit().recordChange(caller, AuditAction.CREATE, ResourceType.USER, created.id().value(),
                    clientId, null, Snapshots.of(created));
            return created;
        });
    }

    /**
     * Lists the users of a client in creation order: for an admin, or for a user of that client.
     *
     * @param caller   who acts
     * @param clientId the client
     * @param page     which page to read
     * @return the page
     * @throws NotFoundException when the client does not exist or the caller may not see it
     */
    public Page<User> listClientUsers(Caller caller, ClientId clientId, PageRequest page) {
        if (!caller.canSee(clientId)) {
            throw new NotFoundException(CLIENT);
        }
        deps.clients().findById(clientId).orElseThrow(() -> new NotFoundException(CLIENT));
        return deps.users().list(UserQuery.all().forClient(clientId), page, deps.clock().instant());
    }

    /**
     * Deactivates an account, which voids its access tokens and its unused one-time tokens. Admins only. An
     * admin cannot deactivate its own account, and the last active admin cannot be deactivated. Deactivating
     * an inactive account changes nothing.
     *
     * @param caller who acts
     * @param id     the account
     * @return the stored account
     * @throws ForbiddenException when a non-admin tries it, or an admin names its own account
     * @throws NotFoundException  when no account has that id
     * @throws ConflictException  when the account is the last active admin
     */
    public User deactivate(Caller caller, UserId id) {
        requireAdmin(caller, "deactivate users");
        if (id.equals(caller.userId())) {
            throw new ForbiddenException("an admin cannot deactivate its own account; ask another admin");
        }
        return deps.transactions().inTransaction(() -> {
            User before = deps.users().findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(USER));
            if (!before.active()) {
                return before;
            }
            if (before.admin()) {
                requireAnotherActiveAdmin(id, "deactivated");
            }
            User after = deps.users().updateActive(id, false).orElseThrow(() -> new NotFoundException(USER));
            Instant now = deps.clock().instant();
            deps.tokens().voidAll(id, OneTimeTokenPurpose.EMAIL_VERIFICATION, now);
            deps.tokens().voidAll(id, OneTimeTokenPurpose.PASSWORD_RESET, now);
            deps.audit().recordChange(caller, AuditAction.UPDATE, ResourceType.USER, id.value(), after.clientId(),
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Lifts a lockout and resets the failed-login count. Admins only.
     *
     * @param caller who acts
     * @param id     the account
     * @return the stored account
     * @throws ForbiddenException when a non-admin tries it
     * @throws NotFoundException  when no account has that id
     */
    public User unlock(Caller caller, UserId id) {
        requireAdmin(caller, "unlock users");
        return deps.transactions().inTransaction(() -> {
            User before = deps.users().findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(USER));
            User after = deps.users().unlock(id).orElseThrow(() -> new NotFoundException(USER));
            deps.audit().recordChange(caller, AuditAction.ACCOUNT_UNLOCKED, ResourceType.USER, id.value(),
                    after.clientId(), Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    /**
     * Grants or removes platform admin rights, which voids the account's access tokens. Admins only. An admin
     * cannot change its own flag, and the last active admin keeps it. Setting the flag it already has changes
     * nothing.
     *
     * @param caller who acts
     * @param id     the account
     * @param admin  the new flag
     * @return the stored account
     * @throws ForbiddenException when a non-admin tries it, or an admin names its own account
     * @throws NotFoundException  when no account has that id
     * @throws ConflictException  when it would remove the last active admin
     */
    public User updateAdmin(Caller caller, UserId id, boolean admin) {
        requireAdmin(caller, "change admin rights");
        if (id.equals(caller.userId())) {
            throw new ForbiddenException("an admin cannot change its own admin rights; ask another admin");
        }
        return deps.transactions().inTransaction(() -> {
            User before = deps.users().findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(USER));
            if (before.admin() == admin) {
                return before;
            }
            if (!admin && before.active()) {
                requireAnotherActiveAdmin(id, "demoted");
            }
            User after = deps.users().updateAdmin(id, admin).orElseThrow(() -> new NotFoundException(USER));
            deps.audit().recordChange(caller, AuditAction.UPDATE, ResourceType.USER, id.value(), after.clientId(),
                    Snapshots.of(before), Snapshots.of(after));
            return after;
        });
    }

    private void requireAnotherActiveAdmin(UserId id, String change) {
        boolean another = deps.users().lockActiveAdmins().stream().anyMatch(admin -> !admin.equals(id));
        if (!another) {
            throw new ConflictException("the last active admin cannot be " + change
                    + "; make another account an admin first");
        }
    }

    private EmailAddress checkNewAccount(String email, String password, String clientName) {
        Validator validator = new Validator();
        EmailAddress address = validator.attempt(v -> EmailAddress.parse("email", email));
        deps.passwords().check(validator, "password", password, address, clientName);
        validator.throwIfInvalid();
        Optional<User> existing = deps.users().findByEmail(address);
        if (existing.isPresent()) {
            throw RegistrationService.emailTaken();
        }
        return address;
    }

    private User insert(NewUser user) {
        try {
            return deps.users().insert(user);
        } catch (ConflictException e) {
            throw RegistrationService.emailTaken();
        }
    }

    private static void requireAdmin(Caller caller, String action) {
        if (!caller.admin()) {
            throw new ForbiddenException("only admins may " + action);
        }
    }
}
