package ai.evo.core.application.contact;

import ai.evo.core.application.shared.FieldUpdate;
import ai.evo.core.domain.client.ClientId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a create or update request for a contact. On create, a field left out takes its default
 * (null, or {@code {}} for {@code meta}); on update, it keeps its stored value.
 *
 * @param clientId the client sent in the body; a client user may only name its own, and an update cannot
 *                 change it
 * @param name     display name; required on create
 * @param extId    the contact's id in a messaging channel, unique within the client; null for none
 * @param meta     free JSON attributes
 */
public record ContactInput(
        Optional<ClientId> clientId,
        FieldUpdate<String> name,
        FieldUpdate<String> extId,
        FieldUpdate<Map<String, Object>> meta) {

    public ContactInput {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extId, "extId");
        Objects.requireNonNull(meta, "meta");
    }
}
