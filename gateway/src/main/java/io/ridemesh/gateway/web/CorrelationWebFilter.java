package io.ridemesh.gateway.web;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id and a W3C trace context before anything else runs (so 401s and problem bodies
 * carry it too), and forwards both to the services.
 *
 * <ul>
 *   <li>{@value #CORRELATION_ID}: kept if the client sent a sane one (1..128 of {@code [A-Za-z0-9._:-]}), else a new
 *       UUID; echoed on the response.
 *   <li>{@value #TRACEPARENT} (W3C Trace Context level 1, {@code 00-<trace-id>-<parent-id>-<flags>}): a valid incoming
 *       one keeps its trace id and flags and gets a new parent id (the gateway's hop); absent or invalid, a new trace
 *       starts (sampled). {@code tracestate} passes through untouched.
 * </ul>
 *
 * Thread-safe.
 */
public final class CorrelationWebFilter implements WebFilter, Ordered {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String TRACEPARENT = "traceparent";

    /** Exchange attribute with the correlation id (problem bodies include it). */
    public static final String CORRELATION_ID_ATTR = CorrelationWebFilter.class.getName() + ".correlationId";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_V00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String correlationId = correlationId(request.getHeaders().getFirst(CORRELATION_ID));
        String traceparent = traceparent(request.getHeaders().getFirst(TRACEPARENT));
        ServerHttpRequest forwarded = request.mutate()
                .headers(h -> {
                    h.set(CORRELATION_ID, correlationId);
                    h.set(TRACEPARENT, traceparent);
                })
                .build();
        exchange.getAttributes().put(CORRELATION_ID_ATTR, correlationId);
        exchange.getResponse().getHeaders().set(CORRELATION_ID, correlationId);
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    static String correlationId(@Nullable String incoming) {
        return incoming != null && SANE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    static String traceparent(@Nullable String incoming) {
        String span = randomHex(8, ZERO_SPAN);
        if (incoming != null) {
            var m = TRACEPARENT_V00.matcher(incoming.trim());
            if (m.matches() && !m.group(1).equals(ZERO_TRACE) && !m.group(2).equals(ZERO_SPAN)) {
                return "00-" + m.group(1) + "-" + span + "-" + m.group(3);
            }
        }
        return "00-" + randomHex(16, ZERO_TRACE) + "-" + span + "-01";
    }

    private static String randomHex(int bytes, String forbidden) {
        byte[] b = new byte[bytes];
        String hex;
        do {
            ThreadLocalRandom.current().nextBytes(b);
            hex = HexFormat.of().formatHex(b);
        } while (hex.equals(forbidden));
        return hex;
    }
}
