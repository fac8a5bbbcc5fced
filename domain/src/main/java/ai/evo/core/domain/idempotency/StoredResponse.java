package ai.evo.core.domain.idempotency;

import java.util.Objects;

/**
 * The first response to a request made with an idempotency key, replayed to every retry with the same key.
 *
 * @param status the HTTP status code
 * @param body   the response body as sent, JSON text
 */
public record StoredResponse(int status, String body) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
