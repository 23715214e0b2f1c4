package io.ridemesh.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The mobile apps' HTTP client: JSON calls to the platform's REST API with a bearer token, each
 * timed per endpoint. Where a call goes is the {@link #route} function's choice (a gateway of a
 * region, or a service directly), given the service and the unit the call is about. Thread-safe.
 */
final class Mobile {

    /** A response: status (-1 when no response arrived) and JSON body (null if none). */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** What a failed response said: its problem body's {@code detail} (else {@code title}), at most 200 characters. */
    static String detailOf(Response response) {
        JsonNode body = response.body();
        String said = body == null
                ? ""
                : body.path("detail").asText(body.path("title").asText(""));
        if (said.isBlank()) {
            said = response.status() == -1 ? "no response" : "no problem detail";
        }
        return said.length() > 200 ? said.substring(0, 200) + "..." : said;
    }

    /**
     * Reactor Netty: one connection per concurrent call (HTTP/1.1), kept alive between calls, as many as the apps need
     * (every idle driver holds a long poll). Two event-loop threads run the calls and their continuations.
     */
    private final ConnectionProvider connections = ConnectionProvider.builder("mobile-apps")
            .maxConnections(50_000)
            .pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(50))
            .build();

    private final LoopResources loops = LoopResources.create("mobile-apps", 2, true);

    /**
     * Connect timeout of the apps, OkHttp's default (10 s). Measured with 2 s: under the full replay a gateway's
     * accept queue (4,096) filled, connections waited in it longer than 2 s, and the apps gave up on connections the
     * kernel had already established and sent new ones behind them; 57,039 of 84,165 driver log-ins and 62,781 of
     * 78,957 quotes ended that way. A dead gateway's port refuses at once, so failover detection does not need a
     * short connect timeout.
     */
    static final int CONNECT_TIMEOUT_MS = 10_000;

    private final HttpClient http = HttpClient.create(connections)
            .runOn(loops)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencyMicros = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, String> route;
    private final java.util.function.Consumer<String> unreachable;

    /**
     * @param route base URL for (service, unit)
     * @param unreachable told the base URL of every call that got no response (connection refused,
     *     timeout), so the app can switch to another region's gateway
     */
    Mobile(BiFunction<String, Integer, String> route, java.util.function.Consumer<String> unreachable) {
        this.route = route;
        this.unreachable = unreachable;
    }

    void route(BiFunction<String, Integer, String> newRoute) {
        this.route = newRoute;
    }

    /**
     * @param endpoint name for latency statistics, e.g. {@code POST /v1/rides}
     * @param service {@code pricing-service}, {@code order-service} or {@code dispatch-service}
     * @param unitId the unit the call is about (routing)
     */
    CompletableFuture<Response> call(
            String endpoint,
            String service,
            int unitId,
            String method,
            String path,
            String token,
            Object body,
            Map<String, String> headers) {
        String base = route.apply(service, unitId);
        String payload;
        try {
            payload = body == null ? null : json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        HttpClient.RequestSender request = http.headers(h -> {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
                    h.set("X-Unit", Integer.toString(unitId));
                    if (payload != null) {
                        h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    }
                    headers.forEach(h::set);
                })
                .responseTimeout(Duration.ofSeconds(10).plusSeconds(longPollSeconds(path)))
                .request(HttpMethod.valueOf(method))
                .uri(base + path);
        Mono<Raw> exchange = (payload == null
                        ? request
                        : request.send(ByteBufFlux.fromString(
                                Mono.just(payload), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT)))
                .responseSingle((response, bytes) -> bytes.asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .map(text -> new Raw(response.status().code(), text)));
        return exchange.toFuture().handle((response, error) -> {
            latencyMicros
                    .computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>())
                    .add((System.nanoTime() - start) / 1000);
            if (error != null) {
                errors.computeIfAbsent(endpoint, e -> new java.util.concurrent.atomic.AtomicLong())
                        .incrementAndGet();
                Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause()
                        : error;
                errors.computeIfAbsent(
                                endpoint + " " + cause.getClass().getSimpleName(),
                                e -> new java.util.concurrent.atomic.AtomicLong())
                        .incrementAndGet();
                // only a refused connection means "this gateway is gone"; a timeout (also a connect timeout: an
                // overloaded gateway's full accept queue drops SYNs) may be load, and switching would not help
                if (cause instanceof java.net.ConnectException
                        && !(cause instanceof io.netty.channel.ConnectTimeoutException)) {
                    unreachable.accept(base);
                }
                return new Response(-1, null);
            }
            if (response.status() >= 500) {
                errors.computeIfAbsent(endpoint, e -> new java.util.concurrent.atomic.AtomicLong())
                        .incrementAndGet();
            }
            JsonNode parsed = null;
            try {
                parsed = response.body().isEmpty() ? null : json.readTree(response.body());
            } catch (java.io.IOException ignored) {
                // not JSON: keep the status only
            }
            return new Response(response.status(), parsed);
        });
    }

    /** Status and body text as received. */
    private record Raw(int status, String body) {}

    /** The {@code waitSeconds} of a long-poll path, else 0: the server may hold such a request that long. */
    static int longPollSeconds(String path) {
        int i = path.indexOf("waitSeconds=");
        if (i < 0) {
            return 0;
        }
        String v = path.substring(i + "waitSeconds=".length()).split("&", 2)[0];
        try {
            return Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Per endpoint: calls, errors (5xx and no response), p50 and p99 in ms. */
    Map<String, Map<String, Object>> latencyReport() {
        Map<String, Map<String, Object>> report = new java.util.TreeMap<>();
        latencyMicros.forEach((endpoint, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("calls", sorted.size());
            row.put(
                    "errors",
                    errors.getOrDefault(endpoint, new java.util.concurrent.atomic.AtomicLong())
                            .get());
            row.put("p50_ms", percentile(sorted, 0.50));
            row.put("p99_ms", percentile(sorted, 0.99));
            report.put(endpoint, row);
        });
        return report;
    }

    /** Failed calls by endpoint and cause (no response, 5xx). */
    Map<String, Long> errorCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        errors.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    static double percentile(List<Long> sortedMicros, double q) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        return Math.round(sortedMicros.get((int) Math.round(q * (sortedMicros.size() - 1))) / 100.0) / 10.0;
    }
}
