package ai.evo.core.domain.testing;

import ai.evo.core.domain.idempotency.IdempotencyRecord;
import ai.evo.core.domain.idempotency.IdempotencyStore;
import ai.evo.core.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency keys in a map, for unit tests of the use cases. It has no transactions, so a claim made by a
 * request that then fails stays behind. Not thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Claim(String fingerprint, Instant expiresAt, StoredResponse response) {
    }

    private final Map<String, Claim> claims = new HashMap<>();

    @Override
    public Optional<IdempotencyRecord> claim(String scope, String key, String fingerprint, Instant expiresAt) {
        Claim existing = claims.get(scope + "\n" + key);
        if (existing != null) {
            return Optional.of(new IdempotencyRecord(existing.fingerprint(),
                    Optional.ofNullable(existing.response())));
        }
        claims.put(scope + "\n" + key, new Claim(fingerprint, expiresAt, null));
        return Optional.empty();
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        claims.computeIfPresent(scope + "\n" + key,
                (ignored, claim) -> new Claim(claim.fingerprint(), claim.expiresAt(), response));
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = claims.size();
        claims.values().removeIf(claim -> claim.expiresAt().isBefore(now));
        return before - claims.size();
    }

    /** Returns how many claims are stored. */
    public int size() {
        return claims.size();
    }
}
