package ai.evo.core.http;

import ai.evo.core.application.shared.Caller;
import ai.evo.core.domain.user.AccessState;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns the {@code Authorization: Bearer <token>} header into the {@link Caller} of a use case. A missing,
 * repeated, malformed, expired or wrongly signed token gets 401 with a {@code WWW-Authenticate: Bearer}
 * challenge, and so does a token of a deleted or inactive account or one whose token version the account has
 * left behind. The detail does not say which check failed. The caller's admin flag and client come from the
 * account's current state, not from the token. Thread-safe.
 */
final class BearerAuthentication {
    private static final String AUTHORIZATION = "Authorization";
    private static final String BEARER_PREFIX = "bearer ";

    private final AccessTokens tokens;
    private final RequestOrigins origins;
    private final AccessStateCache accessStates;

    BearerAuthentication(AccessTokens tokens, RequestOrigins origins, AccessStateCache accessStates) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.accessStates = Objects.requireNonNull(accessStates, "accessStates");
    }

    /**
     * Authenticates a request.
     *
     * @param ctx the request
     * @return the caller named by the verified token, with the request's origin
     * @throws HttpProblem 401 when the request carries no valid bearer token
     */
    Caller authenticate(Context ctx) {
        List<String> headers = Collections.list(ctx.req().getHeaders(AUTHORIZATION));
        if (headers.isEmpty()) {
            throw new HttpProblem(401, "This route requires an Authorization: Bearer <token> header; get a token"
                    + " from POST /api/v1/auth/login.").withHeader("WWW-Authenticate", ProblemMapper.BEARER_CHALLENGE);
        }
        String header = headers.get(0);
        boolean bearer = headers.size() == 1 && header.length() > BEARER_PREFIX.length()
                && header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
        if (!bearer) {
            throw invalidToken();
        }
        TokenClaims claims = tokens.verify(header.substring(BEARER_PREFIX.length()).strip())
                .orElseThrow(BearerAuthentication::invalidToken);
        AccessState state = accessStates.current(claims.userId())
                .filter(AccessState::active)
                .filter(current -> current.tokenVersion() == claims.tokenVersion())
                .orElseThrow(BearerAuthentication::invalidToken);
        return new Caller(state.userId(), state.admin(), state.clientId(), origins.originOf(ctx));
    }

    private static HttpProblem invalidToken() {
        return new HttpProblem(401, "The bearer token is invalid or expired; sign in again at POST"
                + " /api/v1/auth/login.").withHeader("WWW-Authenticate",
                ProblemMapper.BEARER_CHALLENGE + ", error=\"invalid_token\"");
    }
}
