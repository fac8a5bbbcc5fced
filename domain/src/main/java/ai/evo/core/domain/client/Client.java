package ai.evo.core.domain.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A client organization as stored.
 *
 * @param id        the identifier
 * @param details   the name and contact email
 * @param createdAt when the row was inserted
 * @param updatedAt when the row last changed
 */
public record Client(ClientId id, ClientDetails details, Instant createdAt, Instant updatedAt) {
    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
