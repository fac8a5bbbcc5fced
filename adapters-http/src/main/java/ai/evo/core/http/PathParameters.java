package ai.evo.core.http;

import ai.evo.core.domain.common.ValidationException;
import io.javalin.http.Context;
import java.util.UUID;

/** Typed access to path parameters. */
final class PathParameters {

    private PathParameters() {
    }

    /**
     * Reads a UUID path parameter.
     *
     * @throws ValidationException naming the parameter when it is not a canonical UUID
     */
    static UUID uuid(Context ctx, String name) {
        return Uuids.parse(ctx.pathParam(name)).orElseThrow(() -> ValidationException.of(name,
                "must be a UUID such as 0190a6c2-7c1e-7d3a-8b3f-2f1e4d5c6b7a"));
    }
}
