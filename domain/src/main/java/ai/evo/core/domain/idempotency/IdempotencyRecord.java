package ai.evo.core.domain.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * The stored state of an idempotency key that was already claimed.
 *
 * @param fingerprint the fingerprint of the request that claimed the key
 * @param response    the response to that request; empty only while that request's transaction is open
 */
public record IdempotencyRecord(String fingerprint, Optional<StoredResponse> response) {
    public IdempotencyRecord {
        Objects.requireNonNull(fingerprint, "fingerprint");
        response = response == null ? Optional.empty() : response;
    }
}
