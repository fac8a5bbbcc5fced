package ai.evo.core.domain.user;

import ai.evo.core.domain.common.EmailAddress;
import ai.evo.core.domain.common.Page;
import ai.evo.core.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored user accounts. Implementations are thread-safe, join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}, and make each counter change a single atomic statement so
 * that parallel requests never lose an update.
 */
public interface UserRepository {

    /**
     * Inserts a user.
     *
     * @param user the new account
     * @return the stored account
     * @throws ai.evo.core.domain.common.ConflictException when another account has the same email
     */
    User insert(NewUser user);

    /**
     * Finds a user by id.
     *
     * @param id the id
     * @return the user, or empty when none has that id
     */
    Optional<User> findById(UserId id);

    /**
     * Finds a user by normalized email.
     *
     * @param email the address
     * @return the user, or empty when none has that address
     */
    Optional<User> findByEmail(EmailAddress email);

    /** Returns whether at least one active admin exists. */
    boolean existsActiveAdmin();

    /**
     * Counts a login attempt before its password is checked, in one atomic statement. When a lock has expired the
     * count restarts at 1. The attempt that reaches the policy's threshold locks the account at once, so at most
     * {@code threshold} passwords are ever checked per lock, however many requests race.
     *
     * @param id     the account
     * @param policy the lockout rules
     * @param now    the current time
     * @return the counted attempt, or empty when the account is locked at {@code now}
     */
    Optional<LoginAttempt> beginLoginAttempt(UserId id, LockoutPolicy policy, Instant now);

    /**
     * Records that a counted attempt had the right password: the count restarts at zero, and a lock that this
     * same attempt set is lifted. A lock set by another attempt stays.
     *
     * @param id      the account
     * @param attempt the attempt returned by {@link #beginLoginAttempt}
     */
    void recordSuccessfulLogin(UserId id, LoginAttempt attempt);

    /**
     * Reads a user and locks its row until the transaction ends.
     *
     * @param id the id
     * @return the user, or empty when none has that id
     */
    Optional<User> findByIdForUpdate(UserId id);

    /**
     * Reads what decides whether the user's access tokens still work.
     *
     * @param id the id
     * @return the state, or empty when no user has that id
     */
    Optional<AccessState> findAccessState(UserId id);

    /**
     * Marks the email as verified and the account as active.
     *
     * @param id the account
     * @return the stored account, or empty when none has that id
     */
    Optional<User> markEmailVerified(UserId id);

    /**
     * Replaces the password hash and increments the token version, so every access token issued before stops
     * working.
     *
     * @param id            the account
     * @param passwordHash  the new hash
     * @param clearLockout  whether to reset the failed-login count and lift a lock too, as a password reset does
     * @return the stored account, or empty when none has that id
     */
    Optional<User> updatePassword(UserId id, String passwordHash, boolean clearLockout);

    /**
     * Activates or deactivates an account and increments the token version.
     *
     * @param id     the account
     * @param active the new state
     * @return the stored account, or empty when none has that id
     */
    Optional<User> updateActive(UserId id, boolean active);

    /**
     * Grants or removes platform admin rights and increments the token version.
     *
     * @param id    the account
     * @param admin the new flag
     * @return the stored account, or empty when none has that id
     */
    Optional<User> updateAdmin(UserId id, boolean admin);

    /**
     * Resets the failed-login count and lifts a lock.
     *
     * @param id the account
     * @return the stored account, or empty when none has that id
     */
    Optional<User> unlock(UserId id);

    /**
     * Locks the rows of every active admin until the transaction ends and returns their ids, so that two
     * transactions that each remove an admin cannot together remove the last one.
     *
     * @return the ids of the active admins
     */
    List<UserId> lockActiveAdmins();

    /**
     * Lists users in creation order.
     *
     * @param query the filters
     * @param page  which page to read
     * @param now   the time at which the {@code locked} filter judges locks
     * @return the page
     */
    Page<User> list(UserQuery query, PageRequest page, Instant now);
}
