package io.ridemesh.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem bodies ({@code application/problem+json}):
 * {@code {type, title, status, detail, instance, correlationId, ...extra}} with {@code type}
 * {@code urn:ridemesh:problem:<slug>}, the convention of every ridemesh service. Used by the central
 * {@link ProblemWebExceptionHandler} and by the security entry points, which answer before any handler runs.
 * Thread-safe.
 */
public final class ProblemResponses {

    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:ridemesh:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Writes the problem unless the response is already committed (then it only completes).
     *
     * @param slug e.g. {@code outside-service-area}
     * @param extra further members, e.g. {@code field} and {@code errors}
     */
    public Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatusCode status,
            String slug,
            String title,
            String detail,
            Map<String, ?> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        Object correlation = exchange.getAttribute(CorrelationWebFilter.CORRELATION_ID_ATTR);
        if (correlation != null) {
            body.put("correlationId", correlation);
        }
        body.putAll(extra);
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** {@code field} and {@code errors: [{field, detail}]}, the field-error members of every ridemesh service. */
    public static Map<String, Object> fieldError(String field, String detail) {
        return Map.of("field", field, "errors", java.util.List.of(Map.of("field", field, "detail", detail)));
    }
}
