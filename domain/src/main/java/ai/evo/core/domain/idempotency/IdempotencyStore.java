package ai.evo.core.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys and the first response sent for each. Implementations join the transaction opened by
 * {@link ai.evo.core.domain.common.Transactions}, so a key is claimed, used and given its response atomically with the
 * writes of its request, and a request that fails leaves no claim behind.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for a request. When another open transaction has claimed the same key, the call waits until it
     * commits or rolls back, so two concurrent retries never both run. An expired claim counts as absent.
     *
     * @param scope       who owns the key, so callers cannot read each other's responses
     * @param key         the key the caller sent
     * @param fingerprint a digest of the request, to detect the same key sent with another body
     * @param expiresAt   when the claim may be forgotten
     * @return empty when this call claimed the key, otherwise what the earlier claim stored
     */
    Optional<IdempotencyRecord> claim(String scope, String key, String fingerprint, Instant expiresAt);

    /**
     * Stores the response of a request whose key this transaction claimed.
     *
     * @param scope    who owns the key
     * @param key      the key
     * @param response the response to replay
     */
    void complete(String scope, String key, StoredResponse response);

    /**
     * Deletes claims that expired before a time.
     *
     * @param now the current time
     * @return how many claims were deleted
     */
    int deleteExpired(Instant now);
}
