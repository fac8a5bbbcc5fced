package ai.evo.core.domain.user;

import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.EmailAddress;
import java.util.Objects;

/**
 * A user account about to be inserted.
 *
 * @param id            the new id
 * @param email         the normalized sign-in address
 * @param passwordHash  the bcrypt hash of the chosen password
 * @param clientId      the organization, or null for a platform admin without one
 * @param active        whether the user may sign in at once
 * @param emailVerified whether the address counts as proven
 * @param admin         whether the user administers the whole platform
 */
public record NewUser(
        UserId id,
        EmailAddress email,
        String passwordHash,
        ClientId clientId,
        boolean active,
        boolean emailVerified,
        boolean admin) {

    public NewUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "NewUser[id=" + id + ", email=" + email + ", clientId=" + clientId + ", admin=" + admin + "]";
    }
}
