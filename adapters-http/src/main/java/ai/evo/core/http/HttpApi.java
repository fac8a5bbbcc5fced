package ai.evo.core.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin 7 and Jetty 12: the route table, bearer-token authentication, strict JSON bodies,
 * problem responses, request ids, access logging and graceful shutdown.
 *
 * <p>Routes, all under {@code /api/v1} except the health checks:
 * <ul>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}, {@code GET /api/v1/openapi.json},
 *       {@code POST /api/v1/auth/login}, {@code POST /api/v1/auth/register},
 *       {@code GET /api/v1/auth/verify-email/{token}}, {@code POST /api/v1/auth/resend-verification},
 *       {@code POST /api/v1/auth/forgot-password} and {@code POST /api/v1/auth/reset-password} need no token;</li>
 *   <li>{@code GET /api/v1/auth/me}, {@code POST /api/v1/auth/change-password}, {@code POST|GET /api/v1/clients},
 *       {@code GET|PUT|DELETE /api/v1/clients/{id}}, {@code POST|GET /api/v1/clients/{id}/users},
 *       {@code GET /api/v1/clients/{id}/audit-logs}, {@code GET|POST /api/v1/admin/users},
 *       {@code DELETE /api/v1/admin/users/{id}}, {@code POST /api/v1/admin/users/{id}/unlock} and
 *       {@code GET /api/v1/admin/audit-logs} need {@code Authorization: Bearer <token>}.</li>
 * </ul>
 * Routes that run bcrypt share a bounded number of slots; requests beyond it get 429 with {@code Retry-After}.
 * The OpenAPI document served at {@code /api/v1/openapi.json} describes each route in detail. An instance starts
 * once, so create a new one after {@link #stop()}.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private enum State { CREATED, STARTED, STOPPED }

    private final Javalin app;
    private final HttpSettings settings;
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);

    private HttpApi(Javalin app, HttpSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    /**
     * Builds the API without binding a port.
     *
     * @param settings  host, port, limits and trusted proxies
     * @param services  the application services behind the routes
     * @param tokens    issues and verifies bearer tokens
     * @param readiness the check behind {@code GET /health/ready}
     * @return the API, ready to {@link #start()}
     * @throws IllegalArgumentException when a trusted proxy is not an IP address or CIDR range
     * @throws IllegalStateException    when the bundled OpenAPI document does not list exactly the registered routes
     */
    public static HttpApi create(HttpSettings settings, HttpServices services, AccessTokens tokens,
                                 ReadinessProbe readiness) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(readiness, "readiness");

        Json json = new Json();
        ProblemMapper problems = new ProblemMapper(json);
        OpenApiDocument openApi = OpenApiDocument.load(json);
        List<Route> routes = routeTable(settings, services, tokens, readiness, json, problems, openApi);
        Javalin app = Javalin.create(config -> configure(config, settings, routes, json, problems));
        HttpApi api = new HttpApi(app, settings);

        List<String> differences = openApi.differencesFrom(api.registeredRoutes());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document " + OpenApiDocument.RESOURCE + " does not match the"
                    + " registered routes; update one of them: " + String.join("; ", differences));
        }
        return api;
    }

    /**
     * Binds the socket and starts serving.
     *
     * @return the bound port, which differs from the configured one when that is 0
     * @throws IllegalStateException when this instance was started before, or binding the address failed
     */
    public int start() {
        if (!state.compareAndSet(State.CREATED, State.STARTED)) {
            throw new IllegalStateException("this HttpApi was already started; create a new instance to start again");
        }
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinException e) {
            state.set(State.STOPPED);
            throw new IllegalStateException("starting the HTTP API on " + settings.host() + ":" + settings.port()
                    + " failed (" + e.getMessage() + "); check that the address exists and the port is free", e);
        }
        int port = app.port();
        LOG.info("HTTP API listening on {}:{}", settings.host(), port);
        return port;
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to the configured shutdown timeout,
     * then closes the remaining connections. Does nothing when the API is not running.
     */
    public void stop() {
        if (!state.compareAndSet(State.STARTED, State.STOPPED)) {
            return;
        }
        LOG.info("Stopping the HTTP API; in-flight requests get up to {} to finish", settings.shutdownTimeout());
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty finishes stopping before it reports the timeout, so the server is down at this point.
            LOG.warn("HTTP API stopped, but some requests were still running after {} and were cut off",
                    settings.shutdownTimeout());
            return;
        }
        LOG.info("HTTP API stopped");
    }

    /** Returns the method and path of every endpoint registered with Javalin, without before and after handlers. */
    List<RouteKey> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new RouteKey(endpoint.method.name(), endpoint.path))
                .toList();
    }

    private static List<Route> routeTable(HttpSettings settings, HttpServices services, AccessTokens tokens,
                                          ReadinessProbe readiness, Json json, ProblemMapper problems,
                                          OpenApiDocument openApi) {
        RequestOrigins origins = new RequestOrigins(settings.trustedProxies());
        JsonBodies bodies = new JsonBodies(json, settings.maxBodyBytes());
        Paging paging = new Paging(new CursorCodec());
        AccessStateCache accessStates = new AccessStateCache(services.authentication()::accessState,
                settings.accessStateTtl());
        BearerAuthentication bearer = new BearerAuthentication(tokens, origins, accessStates);
        PasswordHashingLimiter hashing = new PasswordHashingLimiter(settings.passwordHashing());
        HealthRoutes health = new HealthRoutes(readiness, json, problems);
        AuthRoutes auth = new AuthRoutes(services.authentication(), tokens, bodies, json, origins);
        AccountRoutes accounts = new AccountRoutes(services.registration(), services.passwords(), services.users(),
                bodies, json, origins, accessStates);
        UserRoutes users = new UserRoutes(services.users(), bodies, json, paging, accessStates);
        ClientRoutes clients = new ClientRoutes(services.clients(), bodies, json, paging);
        AuditLogRoutes auditLogs = new AuditLogRoutes(services.auditLog(), json, paging);
        String client = ClientRoutes.COLLECTION + "/{" + ClientRoutes.ID + "}";
        String adminUser = UserRoutes.ADMIN_COLLECTION + "/{" + UserRoutes.ID + "}";

        return List.of(
                Route.open(HandlerType.GET, "/health/live", health::live),
                Route.open(HandlerType.GET, "/health/ready", health::ready),
                Route.open(HandlerType.GET, "/api/v1/openapi.json", openApi::serve),
                Route.open(HandlerType.POST, "/api/v1/auth/login", hashing.limit(auth::login)),
                Route.open(HandlerType.POST, "/api/v1/auth/register", hashing.limit(accounts::register)),
                Route.open(HandlerType.GET, "/api/v1/auth/verify-email/{" + AccountRoutes.TOKEN + "}",
                        accounts::verifyEmail),
                Route.open(HandlerType.POST, "/api/v1/auth/resend-verification", accounts::resendVerification),
                Route.open(HandlerType.POST, "/api/v1/auth/forgot-password", accounts::forgotPassword),
                Route.open(HandlerType.POST, "/api/v1/auth/reset-password", hashing.limit(accounts::resetPassword)),
                Route.authenticated(HandlerType.GET, "/api/v1/auth/me", bearer, accounts::me),
                Route.authenticated(HandlerType.POST, "/api/v1/auth/change-password", bearer,
                        hashing.limit(accounts::changePassword)),
                Route.authenticated(HandlerType.GET, UserRoutes.ADMIN_COLLECTION, bearer, users::list),
                Route.authenticated(HandlerType.POST, UserRoutes.ADMIN_COLLECTION, bearer,
                        hashing.limit(users::createAdmin)),
                Route.authenticated(HandlerType.DELETE, adminUser, bearer, users::deactivate),
                Route.authenticated(HandlerType.POST, adminUser + "/unlock", bearer, users::unlock),
                Route.authenticated(HandlerType.POST, client + "/users", bearer,
                        hashing.limit(users::createClientUser)),
                Route.authenticated(HandlerType.GET, client + "/users", bearer, users::listClientUsers),
                Route.authenticated(HandlerType.POST, ClientRoutes.COLLECTION, bearer, clients::create),
                Route.authenticated(HandlerType.GET, ClientRoutes.COLLECTION, bearer, clients::list),
                Route.authenticated(HandlerType.GET, client, bearer, clients::get),
                Route.authenticated(HandlerType.PUT, client, bearer, clients::update),
                Route.authenticated(HandlerType.DELETE, client, bearer, clients::delete),
                Route.authenticated(HandlerType.GET, client + "/audit-logs", bearer, auditLogs::listForClient),
                Route.authenticated(HandlerType.GET, "/api/v1/admin/audit-logs", bearer, auditLogs::listAll));
    }

    private static void configure(JavalinConfig config, HttpSettings settings, List<Route> routes, Json json,
                                  ProblemMapper problems) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.generateEtags = false;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> {
            // Jetty stops accepting first, then waits up to the stop timeout for the graceful handler's
            // in-flight requests, then closes what is left.
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new JettyErrorHandler(json));
        });
        config.requestLogger.http(AccessLog::log);
        config.router.javaLangErrorHandler((response, error) -> writeJavaLangError(response, error, json));

        config.routes.before(RequestContext::begin);
        config.routes.exception(Exception.class, problems::handle);
        // Javalin writes its own 404 and 405 responses in plain text unless a handler for their exception type exists.
        config.routes.exception(HttpResponseException.class, problems::handle);
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), route.handler());
        }
    }

    private static void writeJavaLangError(HttpServletResponse response, Error error, Json json) {
        String requestId = response.getHeader(RequestContext.REQUEST_ID_HEADER);
        LOG.error("Unexpected error (request id {})", requestId, error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setStatus(500);
            response.setContentType(ProblemMapper.CONTENT_TYPE);
            if (requestId != null) {
                response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
            }
            response.getOutputStream().write(json.toBytes(new ProblemMapper.Problem("about:blank",
                    ProblemMapper.reasonPhrase(500), 500, "An unexpected error occurred.", null, requestId)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not write the 500 response (request id {}): {}", requestId, e.toString());
        }
    }
}
