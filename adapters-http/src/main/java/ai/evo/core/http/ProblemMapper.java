package ai.evo.core.http;

import ai.evo.core.domain.common.AuthenticationException;
import ai.evo.core.domain.common.ConflictException;
import ai.evo.core.domain.common.FieldError;
import ai.evo.core.domain.common.ForbiddenException;
import ai.evo.core.domain.common.NotFoundException;
import ai.evo.core.domain.common.PreconditionFailedException;
import ai.evo.core.domain.common.ValidationException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that escapes a route into an RFC 9457 problem response ({@code application/problem+json}).
 *
 * <p>Domain exceptions map to their status: not found 404, conflict 409, forbidden 403, validation 400 with an
 * {@code errors} list, authentication 401 and precondition failed 412. Their messages are written for callers,
 * so they become the {@code detail}. Any other exception is a bug or an outage: the client gets 500 with a generic
 * detail, and the exception is logged once at ERROR with the request id. No response contains a stack trace or
 * an exception class name.
 */
final class ProblemMapper {
    static final String CONTENT_TYPE = "application/problem+json";
    /** Challenge sent with every 401, as RFC 9110 requires. RFC 6750 defines the Bearer scheme. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"evo-ai\"";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String PROBLEM_TYPE = "about:blank";

    private final Json json;

    ProblemMapper(Json json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The response body: RFC 9457 members plus the request id and, for 400, the invalid fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, List<FieldProblem> errors,
                   @JsonProperty("request_id") String requestId) {
    }

    /** One invalid field of a 400 response. */
    record FieldProblem(String field, String message) {
    }

    /** Writes the problem response for an exception. The signature fits Javalin's exception handlers. */
    void handle(Exception exception, Context ctx) {
        if (exception instanceof ValidationException invalid) {
            List<FieldProblem> errors = invalid.errors().stream().map(ProblemMapper::fieldProblem).toList();
            write(ctx, 400, "The request is invalid; see errors for each invalid field.", errors);
        } else if (exception instanceof NotFoundException
                || exception instanceof ConflictException
                || exception instanceof ForbiddenException
                || exception instanceof PreconditionFailedException) {
            write(ctx, statusOfDomain(exception), exception.getMessage(), null);
        } else if (exception instanceof AuthenticationException) {
            ctx.header("WWW-Authenticate", BEARER_CHALLENGE);
            write(ctx, 401, exception.getMessage(), null);
        } else if (exception instanceof HttpProblem problem) {
            problem.headers().forEach(ctx::header);
            write(ctx, problem.status(), problem.getMessage(), null);
        } else if (exception instanceof EndpointNotFound) {
            write(ctx, 404, "No route matches " + ctx.method() + " " + SafeText.escape(ctx.path())
                    + "; see /api/v1/openapi.json for the routes.", null);
        } else if (exception instanceof MethodNotAllowedResponse notAllowed) {
            String allowed = notAllowed.getDetails().get("availableMethods");
            if (allowed != null) {
                ctx.header("Allow", allowed);
            }
            write(ctx, 405, "This path does not accept " + ctx.method() + "; see /api/v1/openapi.json for the"
                    + " methods it accepts.", null);
        } else if (exception instanceof HttpResponseException framework) {
            write(ctx, framework.getStatus(), reasonPhrase(framework.getStatus()), null);
        } else {
            writeUnexpected(ctx, exception);
        }
    }

    /** Writes a problem response with a status and detail, and an {@code errors} list unless it is null. */
    void write(Context ctx, int status, String detail, List<FieldProblem> errors) {
        Problem problem = new Problem(PROBLEM_TYPE, reasonPhrase(status), status,
                SafeText.escape(detail), errors, RequestContext.requestId(ctx));
        ctx.status(status).contentType(CONTENT_TYPE).result(json.toBytes(problem));
    }

    /**
     * Returns the reason phrase of RFC 9110 for a status. Javalin 7.2 and Jetty 12.1 call 500 "Server Error",
     * so that phrase is corrected here.
     */
    static String reasonPhrase(int status) {
        return status == 500 ? "Internal Server Error" : HttpStatus.forStatus(status).getMessage();
    }

    private void writeUnexpected(Context ctx, Exception exception) {
        String requestId = RequestContext.requestId(ctx);
        LOG.error("Unexpected error in {} {} (request id {})", ctx.method(), SafeText.escape(ctx.path()), requestId,
                exception);
        write(ctx, 500, "An unexpected error occurred. Quote request id " + requestId + " when you report it.",
                null);
    }

    private static int statusOfDomain(Exception exception) {
        if (exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof ConflictException) {
            return 409;
        }
        if (exception instanceof ForbiddenException) {
            return 403;
        }
        return 412;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(SafeText.escape(error.field()), SafeText.escape(error.message()));
    }
}
