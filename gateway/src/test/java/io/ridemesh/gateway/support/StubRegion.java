package io.ridemesh.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One region's services in a test: a JDK HTTP server on a free port whose first path segment names the service
 * ({@code /order-service/v1/rides}). Every call is recorded and answered 200 with a JSON echo naming the region and
 * service; {@code /actuator/health} answers {@code {"status":"UP"}} (or 503 when {@link #healthy(boolean)} is false); a
 * path containing {@code /slow} waits on a gate the test opens; {@code /v1/rides/{id}/fail500} answers 500.
 */
public final class StubRegion implements AutoCloseable {

    /** A recorded call. */
    public record Call(
            String service, String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final String region;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean healthy = true;
    private volatile String lagMeasurements;
    private volatile long backlog;
    private volatile String lagSource;
    private final AtomicReference<CountDownLatch> slowGate = new AtomicReference<>(new CountDownLatch(1));

    public StubRegion(String region) {
        this.region = region;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "stub-" + region);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL of {@code service} in this region, e.g. {@code http://127.0.0.1:PORT/order-service}. */
    public String url(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    public String region() {
        return region;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls other than health and metrics probes. */
    public List<Call> routedCalls() {
        return calls.stream().filter(c -> !c.path().startsWith("/actuator/")).toList();
    }

    public void clear() {
        calls.clear();
        lagMeasurements = null;
        backlog = 0;
    }

    /** Makes this region's sync-sink report the gauge {@code sync.apply.backlog} (0 until set). */
    public void backlog(long records) {
        this.backlog = records;
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /**
     * Makes this region's sync-sink report the timer {@code sync.apply.lag} of rows from {@code source} (Micrometer's
     * actuator format: COUNT, TOTAL_TIME and MAX in seconds).
     */
    public void lag(String source, long count, double totalSeconds, double maxSeconds) {
        this.lagSource = source;
        this.lagMeasurements = "[{\"statistic\":\"COUNT\",\"value\":" + count + "},{\"statistic\":\"TOTAL_TIME\","
                + "\"value\":" + totalSeconds + "},{\"statistic\":\"MAX\",\"value\":" + maxSeconds + "}]";
    }

    /** Lets every waiting {@code /slow} call answer, and arms a new gate. */
    public void openSlowGate() {
        slowGate.getAndSet(new CountDownLatch(1)).countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String full = exchange.getRequestURI().getRawPath();
            String[] parts = full.split("/", 3);
            String service = parts.length > 1 ? parts[1] : "";
            String path = parts.length > 2 ? "/" + parts[2] : "/";
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call(
                    service,
                    exchange.getRequestMethod(),
                    path,
                    query == null ? "" : query,
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            if (path.equals("/actuator/health")) {
                respond(exchange, healthy ? 200 : 503, healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                return;
            }
            if (path.equals("/actuator/metrics/sync.apply.backlog")) {
                respond(
                        exchange,
                        200,
                        "{\"name\":\"sync.apply.backlog\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":"
                                + backlog + "}],\"availableTags\":[]}");
                return;
            }
            if (path.startsWith("/actuator/metrics")) {
                if (lagMeasurements == null || !path.equals("/actuator/metrics/sync.apply.lag")) {
                    respond(exchange, 404, "{}");
                } else {
                    respond(
                            exchange,
                            200,
                            "{\"name\":\"sync.apply.lag\",\"baseUnit\":\"seconds\",\"measurements\":"
                                    + lagMeasurements + ",\"availableTags\":[{\"tag\":\"source\",\"values\":[\""
                                    + lagSource + "\"]},{\"tag\":\"target\",\"values\":[\"" + region + "\"]}]}");
                }
                return;
            }
            if (path.contains("/slow")) {
                try {
                    slowGate.get().await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = path.endsWith("/fail500") ? 500 : 200;
            String echo = "{\"region\":\"" + region + "\",\"service\":\"" + service + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\"}";
            respond(exchange, status, echo);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        openSlowGate();
        server.stop(0);
    }
}
