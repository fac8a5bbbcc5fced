package ai.evo.core.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes problem responses for errors that Jetty detects before a request reaches Javalin, such as a malformed
 * URI or oversized headers, so those get {@code application/problem+json} too instead of Jetty's HTML page.
 */
final class JettyErrorHandler extends ErrorHandler {
    private final Json json;

    JettyErrorHandler(Json json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(int status, String message) {
        String title = ProblemMapper.reasonPhrase(status);
        String detail = message == null || message.isBlank() ? title : SafeText.escape(message);
        return json.toBytes(new ProblemMapper.Problem("about:blank", title, status,
                "The request was rejected before routing: " + detail + ".", null, null));
    }
}
