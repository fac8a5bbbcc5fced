package ai.evo.core.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed access token as handed to a client after login.
 *
 * @param value     the compact JWT, a bearer credential that {@link #toString()} therefore leaves out
 * @param issuedAt  when the token was signed, in whole seconds
 * @param expiresAt when the token stops being accepted, in whole seconds
 */
public record IssuedToken(String value, Instant issuedAt, Instant expiresAt) {

    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns the number of seconds from issue to expiry, as sent in {@code expires_in}. */
    public long expiresInSeconds() {
        return Duration.between(issuedAt, expiresAt).toSeconds();
    }

    @Override
    public String toString() {
        return "IssuedToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
