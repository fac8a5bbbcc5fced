package ai.evo.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 description of the API. It is written by hand in {@code openapi.yaml} next to this class and
 * served as JSON from {@code GET /api/v1/openapi.json}. {@link HttpApi#create} refuses to build an API whose
 * registered routes differ from the document's operations, so the two cannot drift apart. Thread-safe.
 */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.yaml";

    private static final Set<String> OPERATION_KEYS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document;
    private final byte[] jsonBytes;

    private OpenApiDocument(JsonNode document, byte[] jsonBytes) {
        this.document = document;
        this.jsonBytes = jsonBytes;
    }

    /** Loads the bundled document. */
    static OpenApiDocument load(Json json) {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath"
                        + " next to " + OpenApiDocument.class.getName() + "; rebuild the adapters-http jar");
            }
            return parse(new YAMLMapper().readTree(yaml), json);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the OpenAPI document " + RESOURCE + " failed", e);
        }
    }

    /** Wraps an already parsed document. */
    static OpenApiDocument parse(JsonNode document, Json json) {
        Objects.requireNonNull(document, "document");
        return new OpenApiDocument(document, json.toBytes(document));
    }

    /** Returns the parsed document. */
    JsonNode tree() {
        return document;
    }

    /** Returns every operation that the document's {@code paths} object lists. */
    SortedSet<RouteKey> operations() {
        SortedSet<RouteKey> operations = new TreeSet<>();
        JsonNode paths = document.path("paths");
        Iterator<String> pathNames = paths.fieldNames();
        while (pathNames.hasNext()) {
            String path = pathNames.next();
            Iterator<String> keys = paths.get(path).fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (OPERATION_KEYS.contains(key)) {
                    operations.add(new RouteKey(key.toUpperCase(Locale.ROOT), path));
                }
            }
        }
        return operations;
    }

    /**
     * Compares the documented operations with the registered routes.
     *
     * @param registered the routes that Javalin serves
     * @return one sentence per difference, or an empty list when both match exactly
     */
    List<String> differencesFrom(Collection<RouteKey> registered) {
        SortedSet<RouteKey> documented = operations();
        List<String> differences = new ArrayList<>();
        for (RouteKey route : new TreeSet<>(registered)) {
            if (!documented.contains(route)) {
                differences.add(route + " is registered but missing from the OpenAPI document");
            }
        }
        for (RouteKey operation : documented) {
            if (!registered.contains(operation)) {
                differences.add(operation + " is in the OpenAPI document but no such route is registered");
            }
        }
        return differences;
    }

    /** {@code GET /api/v1/openapi.json}. */
    void serve(Context ctx) {
        ctx.status(200).contentType(Json.CONTENT_TYPE).result(jsonBytes);
    }
}
