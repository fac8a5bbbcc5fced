package ai.evo.core.domain.user;

import ai.evo.core.domain.client.ClientId;
import java.util.Optional;

/**
 * Filters for listing user accounts. Every present filter must match.
 *
 * @param admin    only admins (true) or only non-admins (false)
 * @param clientId only users of this organization
 * @param active   only active (true) or only inactive (false) accounts
 * @param locked   only accounts locked at the time of the listing (true) or only unlocked ones (false)
 */
public record UserQuery(Optional<Boolean> admin, Optional<ClientId> clientId, Optional<Boolean> active,
                        Optional<Boolean> locked) {

    public UserQuery {
        admin = admin == null ? Optional.empty() : admin;
        clientId = clientId == null ? Optional.empty() : clientId;
        active = active == null ? Optional.empty() : active;
        locked = locked == null ? Optional.empty() : locked;
    }

    /** Returns a query with no filter. */
    public static UserQuery all() {
        return new UserQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns this query restricted to one organization.
     *
     * @param client the organization
     * @return the restricted query
     */
    public UserQuery forClient(ClientId client) {
        return new UserQuery(admin, Optional.of(client), active, locked);
    }
}
