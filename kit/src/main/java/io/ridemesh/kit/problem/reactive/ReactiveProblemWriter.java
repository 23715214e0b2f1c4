package io.ridemesh.kit.problem.reactive;

import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems ({@code application/problem+json}, the shape of {@link Problems}) on a WebFlux exchange:
 * from the central {@code WebExceptionHandler}, and from filters and security entry points that answer before any
 * handler runs. The request path is the {@code instance}; when the exchange carries the correlation attribute, its
 * value is the {@code correlationId} member. Thread-safe.
 */
public final class ReactiveProblemWriter {

    private final JsonMapper json;
    private final @Nullable String correlationAttribute;

    /**
     * @param json serialises the body
     * @param correlationAttribute the exchange attribute holding the request's correlation id, or null for none
     */
    public ReactiveProblemWriter(JsonMapper json, @Nullable String correlationAttribute) {
        this.json = Objects.requireNonNull(json, "json");
        this.correlationAttribute = correlationAttribute;
    }

    /** A problem of {@code type} with {@code detail} and the extension members {@code extra}. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, Map<String, ?> extra) {
        Problems.Builder problem = Problems.of(type, detail);
        extra.forEach(problem::property);
        return write(exchange, problem);
    }

    /** A problem rejecting {@code field}: {@code field} and {@code errors: [{field, detail}]} (see {@link Problems}). */
    public Mono<Void> writeField(
            ServerWebExchange exchange, ProblemType type, String field, String detail, Map<String, ?> extra) {
        Problems.Builder problem = Problems.field(type, field, detail);
        extra.forEach(problem::property);
        return write(exchange, problem);
    }

    /** Writes the problem unless the response is already committed (then it only completes). */
    public Mono<Void> write(ServerWebExchange exchange, Problems.Builder problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        problem.instance(exchange.getRequest().getPath().value());
        if (correlationAttribute != null) {
            Object correlation = exchange.getAttribute(correlationAttribute);
            if (correlation != null) {
                problem.property("correlationId", correlation);
            }
        }
        ProblemDetail body = problem.build();
        byte[] bytes = json.writeValueAsBytes(Problems.asMap(body));
        response.setStatusCode(HttpStatusCode.valueOf(body.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
