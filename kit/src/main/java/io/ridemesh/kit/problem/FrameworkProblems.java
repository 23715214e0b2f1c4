package io.ridemesh.kit.problem;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem body for a refusal the framework itself answers with a bare status (Tomcat's or Netty's parser, Spring
 * Security's firewall, a {@code sendError} without a handler): 400 is {@link ProblemType#REQUEST_REJECTED} (the
 * request line or a header was refused before any controller read it), 401, 403, 413 and 5xx are the kit's types, any
 * other status {@code about:blank} with the status's reason phrase as title (RFC 9457 section 4.2.1). The detail never
 * echoes the request. Stateless; thread-safe.
 */
public final class FrameworkProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FrameworkProblems() {}

    /**
     * The problem for {@code status}.
     *
     * @param status the HTTP status being answered, 400..599
     * @param path the request path for {@code instance}, or null when the request line could not be parsed
     */
    public static ProblemDetail of(int status, @Nullable String path) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemType type =
                switch (status) {
                    case 400 -> ProblemType.REQUEST_REJECTED;
                    case 401 -> ProblemType.UNAUTHORIZED;
                    case 403 -> ProblemType.FORBIDDEN;
                    case 413 -> ProblemType.CONTENT_TOO_LARGE;
                    default -> status >= 500 ? ProblemType.INTERNAL_ERROR : null;
                };
        ProblemDetail problem;
        if (type != null) {
            String detail =
                    status == 400 ? "the request line or a header was refused before the service read it" : null;
            Problems.Builder builder = Problems.of(type, detail);
            problem = (path == null ? builder : builder.instance(path)).build();
            problem.setStatus(status);
        } else {
            problem = ProblemDetail.forStatus(status);
            problem.setType(URI.create("about:blank"));
            problem.setTitle(known == null ? "Error " + status : known.getReasonPhrase());
            if (path != null) {
                problem.setInstance(URI.create(path));
            }
        }
        return problem;
    }

    /** {@link #of} as the JSON text of an {@code application/problem+json} body. */
    public static String json(int status, @Nullable String path) {
        return JSON.writeValueAsString(Problems.asMap(of(status, path)));
    }

    /** {@code path} if it can be a problem's {@code instance} (a URI reference), else null. */
    public static @Nullable String usablePath(@Nullable String path) {
        if (path == null || path.isEmpty() || path.length() > 2048) {
            return null;
        }
        try {
            URI.create(path);
            return path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
