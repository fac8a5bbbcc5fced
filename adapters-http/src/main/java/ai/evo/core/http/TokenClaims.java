package ai.evo.core.http;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of an access token whose signature, issuer and expiry were verified.
 *
 * @param userId    the signed-in user ({@code sub})
 * @param email     the user's email when the token was issued ({@code email})
 * @param admin     whether the user was a platform admin when the token was issued ({@code admin})
 * @param clientId  the user's organization ({@code client_id}), or null for an admin without one
 * @param tokenVersion the account's token version when the token was issued ({@code ver})
 * @param tokenId   the unique token id ({@code jti})
 * @param issuedAt  when the token was issued ({@code iat})
 * @param expiresAt when the token expires ({@code exp})
 */
public record TokenClaims(UserId userId, String email, boolean admin, ClientId clientId, long tokenVersion,
                          String tokenId, Instant issuedAt, Instant expiresAt) {

    public TokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns the user's organization, if it has one. */
    public Optional<ClientId> client() {
        return Optional.ofNullable(clientId);
    }
}
