package ai.evo.core.http;

import ai.evo.core.application.shared.Caller;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One route of the API as registered with Javalin.
 *
 * @param method        the HTTP method
 * @param path          the path in Javalin syntax, which for these routes equals OpenAPI's ({@code /clients/{id}})
 * @param requiresToken whether the route needs a bearer token
 * @param handler       the handler, already wrapped with authentication when the route requires it
 */
record Route(HandlerType method, String path, boolean requiresToken, Handler handler) {

    /** A route handler that runs for an authenticated caller. */
    @FunctionalInterface
    interface CallerHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
    }

    /** Returns a route that anyone may call. */
    static Route open(HandlerType method, String path, Handler handler) {
        return new Route(method, path, false, handler);
    }

    /** Returns a route that authenticates the bearer token before it runs the handler. */
    static Route authenticated(HandlerType method, String path, BearerAuthentication authentication,
                               CallerHandler handler) {
        return new Route(method, path, true, ctx -> handler.handle(ctx, authentication.authenticate(ctx)));
    }
}
