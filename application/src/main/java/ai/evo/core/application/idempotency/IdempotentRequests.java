package ai.evo.core.application.idempotency;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.common.Transactions;
import ai.evo.core.domain.common.UnprocessableException;
import ai.evo.core.domain.common.ValidationException;
import ai.evo.core.domain.idempotency.IdempotencyRecord;
import ai.evo.core.domain.idempotency.IdempotencyStore;
import ai.evo.core.domain.idempotency.StoredResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a request at most once per idempotency key, so a client that retries after a timeout does not store
 * a second row. The key, the request's fingerprint and the first response are stored in the same transaction
 * as the request's writes. A request that fails therefore leaves no key behind and may be retried with the
 * same key, which {@code IdempotencyStore} implementations guarantee by joining the transaction.
 * A retry with the same key and fingerprint gets the stored response; the same key with another fingerprint is
 * rejected. Keys belong to the user who sent them and are kept for {@link #RETENTION}. Thread-safe.
 */
public final class IdempotentRequests {
    /** How long a key and its response are kept. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** Maximum key length, in characters. */
    public static final int MAX_KEY_LENGTH = 255;

    private final Transactions transactions;
    private final IdempotencyStore store;
    private final Clock clock;

    /**
     * Creates the runner.
     *
     * @param transactions runs the request and the key claim atomically
     * @param store        the key store
     * @param clock        supplies the expiry times
     */
    public IdempotentRequests(Transactions transactions, IdempotencyStore store, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs a request once for its key, or replays the response of the first run.
     *
     * @param caller      who acts; keys of different users never collide
     * @param key         the {@code Idempotency-Key} the caller sent: 1 to 255 visible ASCII characters
     * @param fingerprint a digest of everything that makes the request what it is, such as method, path and body
     * @param work        runs the request and returns its response; its transactions join this one
     * @return the response of this run, or of the first run with this key
     * @throws ValidationException    when the key is empty, too long or contains other characters
     * @throws UnprocessableException when the key was used with another fingerprint
     */
    public StoredResponse execute(Caller caller, String key, String fingerprint, Supplier<StoredResponse> work) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(work, "work");
        validateKey(key);
        String scope = caller.userId() == null ? "service" : caller.userId().toString();
        return transactions.inTransaction(() -> {
            Optional<IdempotencyRecord> earlier = store.claim(scope, key, fingerprint, clock.instant().plus(RETENTION));
            if (earlier.isPresent()) {
                return replay(key, fingerprint, earlier.get());
            }
            StoredResponse response = work.get();
            store.complete(scope, key, response);
            return response;
        });
    }

    /**
     * Deletes keys whose retention has passed.
     *
     * @return how many keys were deleted
     */
    public int deleteExpired() {
        return transactions.inTransaction(() -> store.deleteExpired(clock.instant()));
    }

    private static StoredResponse replay(String key, String fingerprint, IdempotencyRecord earlier) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new UnprocessableException("Idempotency-Key " + key + " was already used with a different "
                    + "request; send a new key for a new request");
        }
        return earlier.response().orElseThrow(() -> new IllegalStateException(
                "idempotency key " + key + " is claimed without a response outside its transaction"));
    }

    private static void validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw ValidationException.of("Idempotency-Key", "must not be empty; send a unique value such as a UUID");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ValidationException.of("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH
                    + " characters long, got " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw ValidationException.of("Idempotency-Key",
                        "must contain only visible ASCII characters; send a value such as a UUID");
            }
        }
    }
}
