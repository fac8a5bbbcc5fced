package ai.evo.core.domain.contact;

import ai.evo.core.domain.client.ClientId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An end user of a client's agents, as stored.
 *
 * @param id        the identifier
 * @param clientId  the owning organization
 * @param extId     the contact's id in a messaging channel, or null
 * @param name      display name
 * @param meta      free JSON-compatible attributes
 * @param createdAt when the row was inserted
 * @param updatedAt when the row last changed
 */
public record Contact(
        ContactId id,
        ClientId clientId,
        String extId,
        String name,
        Map<String, Object> meta,
        Instant createdAt,
        Instant updatedAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meta, "meta");
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }
}
