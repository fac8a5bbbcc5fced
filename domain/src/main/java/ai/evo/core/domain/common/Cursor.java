package ai.evo.core.domain.common;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Position after the last row of a page, for keyset paging over rows ordered by creation time and id. Reading
 * the next page costs the same however deep it is, and rows inserted meanwhile never shift the pages.
 *
 * @param createdAt creation time of the last row returned
 * @param id        id of the last row returned, which breaks ties between equal times
 */
public record Cursor(Instant createdAt, UUID id) {
    public Cursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
