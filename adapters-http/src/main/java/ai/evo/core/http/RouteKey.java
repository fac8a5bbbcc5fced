package ai.evo.core.http;

import java.util.Locale;
import java.util.Objects;

/**
 * A method and path pair, as both Javalin and OpenAPI name an operation.
 *
 * @param method the HTTP method in upper case
 * @param path   the path template, for example {@code /api/v1/clients/{id}}
 */
record RouteKey(String method, String path) implements Comparable<RouteKey> {

    RouteKey {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
    }

    @Override
    public int compareTo(RouteKey other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
