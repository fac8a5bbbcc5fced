package ai.evo.core.domain.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored one-time tokens for email verification and password reset. Only SHA-256 hashes are stored, never a
 * token itself. Implementations are thread-safe and join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}.
 */
public interface OneTimeTokenRepository {

    /**
     * Stores a new token and voids every unused token of the same user and purpose, so only the newest works.
     *
     * @param id        the new row's id
     * @param userId    the account the token belongs to
     * @param purpose   what the token proves
     * @param tokenHash the hash from {@link OneTimeToken#hash()}
     * @param expiresAt when the token stops working
     * @param now       the current time, recorded as the use time of the voided tokens
     */
    void issue(UUID id, UserId userId, OneTimeTokenPurpose purpose, String tokenHash, Instant expiresAt,
               Instant now);

    /**
     * Finds the account of a usable token without using it, so a request can be validated before the token is
     * spent.
     *
     * @param tokenHash the hash of the token as received
     * @param purpose   the purpose the caller expects
     * @param now       the current time
     * @return the account, or empty when no unused, unexpired token of that purpose matches
     */
    Optional<UserId> findUsable(String tokenHash, OneTimeTokenPurpose purpose, Instant now);

    /**
     * Uses a token in one atomic statement: it must have this purpose, be unused and be unexpired at {@code now},
     * and is marked used. Of two parallel calls with one token, at most one succeeds.
     *
     * @param tokenHash the hash of the token as received
     * @param purpose   the purpose the caller expects
     * @param now       the current time
     * @return the account the token belonged to, or empty when no usable token matches
     */
    Optional<UserId> consume(String tokenHash, OneTimeTokenPurpose purpose, Instant now);

    /**
     * Voids every unused token of a user and purpose.
     *
     * @param userId  the account
     * @param purpose the purpose
     * @param now     the current time, recorded as the use time
     */
    void voidAll(UserId userId, OneTimeTokenPurpose purpose, Instant now);
}
