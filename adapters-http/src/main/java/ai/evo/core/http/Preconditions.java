package ai.evo.core.http;

import ai.evo.core.domain.common.EntityTag;
import ai.evo.core.domain.common.PreconditionFailedException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code ETag} and {@code If-Match} headers of single resources. The tag is the resource's
 * {@code updated_at} (see {@link EntityTag}). A {@code PUT} with {@code If-Match} succeeds only while the stored
 * resource still has that tag, else 412; without the header the update is unconditional.
 */
final class Preconditions {
    static final String ETAG = "ETag";
    static final String IF_MATCH = "If-Match";

    private Preconditions() {
    }

    /** Sets the {@code ETag} header for a resource version. */
    static void tag(Context ctx, Instant updatedAt) {
        ctx.header(ETAG, new EntityTag(updatedAt).header());
    }

    /**
     * Reads {@code If-Match}.
     *
     * @return the expected version, or empty when the header is absent or {@code *}
     * @throws PreconditionFailedException when the header names a tag this service never issues, which cannot
     *                                     match any version
     */
    static Optional<EntityTag> expected(Context ctx) {
        String header = ctx.header(IF_MATCH);
        if (header == null || header.strip().equals("*")) {
            return Optional.empty();
        }
        Optional<EntityTag> tag = EntityTag.parse(header);
        if (tag.isEmpty()) {
            throw new PreconditionFailedException("If-Match does not match the current ETag; read the resource"
                    + " again and send its ETag header value unchanged");
        }
        return tag;
    }
}
