package ai.evo.core.application.conversation;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.client.ClientId;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.ValidationException;

/** Decides which client a call on conversations acts in. */
final class Tenants {

    private Tenants() {
    }

    /**
     * Returns the client a call acts in: the one the request names when the caller may see it, otherwise the
     * caller's own.
     *
     * @param caller    who acts
     * @param requested the client named in the request, or null
     * @return the client
     * @throws NotFoundException   when the request names a client the caller may not see
     * @throws ValidationException when neither the request nor the caller names a client
     */
    static ClientId resolve(Caller caller, ClientId requested) {
        if (requested != null) {
            if (!caller.canSee(requested)) {
                throw new NotFoundException("client");
            }
            return requested;
        }
        return caller.client().orElseThrow(() -> ValidationException.of("client_id",
                "is required for a caller without a client; name the client whose conversations to use"));
    }
}
