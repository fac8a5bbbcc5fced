package ai.evo.core.domain.user;

import ai.evo.core.domain.common.EmailAddress;
import java.time.Instant;
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
}
