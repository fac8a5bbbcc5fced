package ai.evo.core.http;

import ai.evo.core.application.auth.AuthenticationService;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/** {@code POST /api/v1/auth/login}: exchanges email and password for a bearer token. */
final class AuthRoutes {
    private static final List<String> LOGIN_FIELDS = List.of("email", "password");

    private final AuthenticationService authentication;
    private final AccessTokens tokens;
    private final JsonBodies bodies;
    private final Json json;
    private final RequestOrigins origins;

    AuthRoutes(AuthenticationService authentication, AccessTokens tokens, JsonBodies bodies, Json json,
               RequestOrigins origins) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.origins = Objects.requireNonNull(origins, "origins");
    }

    /** The token response of RFC 6749, section 5.1. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * Checks the credentials and returns a token. Every failed login gets the same 401, whatever the cause.
     */
    void login(Context ctx) {
        JsonFields fields = JsonFields.of(bodies.readObject(ctx), LOGIN_FIELDS);
        String email = fields.requiredString("email");
        String password = fields.requiredString("password");
        fields.throwIfInvalid();

        AuthenticationService.SignIn signIn = authentication.signIn(email, password, origins.originOf(ctx));
        IssuedToken token = tokens.issue(signIn.user(), signIn.tokenVersion());
        ctx.header("Pragma", "no-cache");
        json.respond(ctx, 200, new TokenResponse(token.value(), "bearer", token.expiresInSeconds()));
    }
}
