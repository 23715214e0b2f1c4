package io.ridemesh.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

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

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4))
            .build();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10).plusSeconds(longPollSeconds(path)))
                .header("Authorization", "Bearer " + token)
                .header("X-Unit", Integer.toString(unitId));
        headers.forEach(b::header);
        try {
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
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
                // only a refused connection means "this gateway is gone"; a timeout may be the
                // downstream's, and switching gateways would not help
                if (cause instanceof java.net.ConnectException) {
                    unreachable.accept(base);
                }
                return new Response(-1, null);
            }
            if (response.statusCode() >= 500) {
                errors.computeIfAbsent(endpoint, e -> new java.util.concurrent.atomic.AtomicLong())
                        .incrementAndGet();
            }
            JsonNode parsed = null;
            try {
                parsed = response.body().isEmpty() ? null : json.readTree(response.body());
            } catch (java.io.IOException ignored) {
                // not JSON: keep the status only
            }
            return new Response(response.statusCode(), parsed);
        });
    }

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
