package ai.evo.core.domain.user;

import ai.evo.core.domain.client.ClientId;
import java.util.Objects;

/**
 * The fields of an account that decide whether its access tokens still work. Every access token carries the
 * token version it was issued under. A password reset or change, a deactivation and a change of the admin flag
 * increment the version in the same statement as the change, so every token issued before stops working.
 *
 * @param userId       the account
 * @param active       whether the account may sign in
 * @param admin        whether the account administers the whole platform
 * @param clientId     the account's organization, or null
 * @param tokenVersion the version that a valid access token must carry
 */
public record AccessState(UserId userId, boolean active, boolean admin, ClientId clientId, long tokenVersion) {
    public AccessState {
        Objects.requireNonNull(userId, "userId");
    }
}
