package ai.evo.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rejection decided by the HTTP layer itself, such as a missing token or an unsupported content type.
 * {@link ProblemMapper} turns it into a problem response with its status, detail and extra headers.
 */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    /**
     * Creates a problem.
     *
     * @param status the HTTP status code
     * @param detail an explanation that is safe to show to the client
     */
    HttpProblem(int status, String detail) {
        this(status, detail, Map.of());
    }

    private HttpProblem(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** Returns a copy of this problem that also sends the given response header. */
    HttpProblem withHeader(String name, String value) {
        Map<String, String> extended = new LinkedHashMap<>(headers);
        extended.put(name, value);
        return new HttpProblem(status, getMessage(), extended);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
