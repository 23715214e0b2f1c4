package io.ridemesh.benchmarks;

import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.JvmCpu;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.infra.cluster.ServiceMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * {@code ./platform bench calls}: the CPU one call costs each process, warm, measured from the processes' CPU time
 * (user + system, {@code /proc/<pid>/stat} through {@link ProcessHandle.Info}) over an open-loop load at a fixed rate.
 *
 * <p>Its own one-region playground runs a process per service ({@link ServiceMode#MICROSERVICES}): in a region node the
 * services share one process and their CPU cannot be told apart. Every call kind is first driven for the warm-up (the
 * JIT compiles meanwhile), then the processes' idle CPU is measured over {@link #IDLE} with no load (sync-sink's poll
 * loop, the services' schedulers), then each call kind is measured: a process's CPU per call is its CPU over the
 * window minus its idle rate times the window, divided by the calls answered.
 *
 * <p>Calls: {@code GET /v1/rides} (a rider's rides) to order-service directly and through the gateway (the gateway's
 * figure is what proxying adds); {@code POST /v1/rides} (quote-token check, insert, outbox) and {@code POST /v1/quotes}
 * directly. Not thread-safe; one run at a time.
 */
public final class CallsBench {

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final int RIDERS = 500;

    private final Playground playground;
    private final Consumer<String> out;

    public CallsBench(Playground playground, Consumer<String> out) {
        this.playground = playground;
        this.out = out;
    }

    /** What one kind of call is: its name, the service that answers it, whether through the gateway, its request. */
    private record CallKind(
            String name, ComponentKind service, boolean viaGateway, LongFunction<HttpRequest> request) {}

    /**
     * @param rate calls per second, open loop
     * @param seconds measured seconds per call kind
     * @param warmupSeconds unmeasured seconds per call kind at {@code rate} before any is measured
     * @return the JSON summary: per call kind the calls, errors and CPU microseconds per call of every service process
     *     (in all, and of it its JIT compiler threads and its GC and VM threads, {@link JvmCpu}), and {@code
     *     gateway_cpu_us_per_call}, {@code gateway_jit_cpu_us_per_call}, {@code order_cpu_us_per_request}, {@code
     *     direct_cpu_us_per_call}
     * @throws IllegalArgumentException when a figure is out of range
     */
    public Map<String, Object> run(int rate, int seconds, int warmupSeconds) throws Exception {
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--rate and --seconds must be > 0 and --warmup >= 0, but were " + rate
                    + ", " + seconds + ", " + warmupSeconds);
        }
        Region a = Region.of(1);
        out.accept("starting region a with a process per service ...");
        playground.up(1, false, ServiceMode.MICROSERVICES);
        Map<ComponentKind, Long> pids = servicePids();
        Tokens tokens = playground.issuerTokens(a);
        QuoteSigner quotes =
                new QuoteSigner(HexFormat.of().parseHex(playground.credentials().quoteSecret()));
        List<String> riders = new ArrayList<>();
        for (int i = 0; i < RIDERS; i++) {
            riders.add(tokens.mint("bench-rider-" + i, "rider", Duration.ofHours(2)));
        }
        String order = url(a, ComponentKind.ORDER_SERVICE);
        String gateway = url(a, ComponentKind.GATEWAY);
        String pricing = url(a, ComponentKind.PRICING_SERVICE);
        List<CallKind> kinds = List.of(
                new CallKind(
                        "GET /v1/rides direct",
                        ComponentKind.ORDER_SERVICE,
                        false,
                        n -> get(order + "/v1/rides", riders.get((int) (n % RIDERS)))),
                new CallKind(
                        "GET /v1/rides via gateway",
                        ComponentKind.ORDER_SERVICE,
                        true,
                        n -> get(gateway + "/v1/rides", riders.get((int) (n % RIDERS)))),
                new CallKind(
                        "POST /v1/rides direct",
                        ComponentKind.ORDER_SERVICE,
                        false,
                        n -> post(
                                order + "/v1/rides",
                                riders.get((int) (n % RIDERS)),
                                RideRequestBodies.signed(
                                        quotes,
                                        ThreadLocalRandom.current(),
                                        "calls" + n + "x"
                                                + ThreadLocalRandom.current().nextInt(1_000_000_000),
                                        "bench-rider-" + (n % RIDERS)))),
                new CallKind(
                        "POST /v1/quotes direct",
                        ComponentKind.PRICING_SERVICE,
                        false,
                        n -> post(pricing + "/v1/quotes", riders.get((int) (n % RIDERS)), quoteBody())));

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        if (warmupSeconds > 0) {
            for (CallKind kind : kinds) {
                out.accept("warming up " + kind.name() + ": " + warmupSeconds + " s at " + rate + "/s (not measured)");
                drive(http, kind, rate, warmupSeconds);
            }
        }
        out.accept("measuring idle CPU for " + IDLE.toSeconds() + " s ...");
        Map<ComponentKind, JvmCpu.Split> idleStart = cpu(pids);
        long idleStartNanos = System.nanoTime();
        LockSupport.parkNanos(IDLE.toNanos());
        Map<ComponentKind, JvmCpu.Split> idle = minus(cpu(pids), idleStart);
        long idleNanos = System.nanoTime() - idleStartNanos;

        Map<String, Object> byKind = new LinkedHashMap<>();
        Map<String, Map<ComponentKind, double[]>> perCall = new LinkedHashMap<>();
        out.accept("");
        out.accept(String.format(
                Locale.ROOT,
                "%-28s %7s %7s   %s",
                "call",
                "calls",
                "errors",
                "CPU us per call, idle subtracted (of which JIT compiler threads / GC and VM thread)"));
        for (CallKind kind : kinds) {
            Map<ComponentKind, JvmCpu.Split> before = cpu(pids);
            long startNanos = System.nanoTime();
            long[] result = drive(http, kind, rate, seconds);
            long windowNanos = System.nanoTime() - startNanos;
            Map<ComponentKind, JvmCpu.Split> used = minus(cpu(pids), before);
            long answered = Math.max(1, result[0] - result[1]);
            double idleShare = (double) windowNanos / idleNanos;
            Map<ComponentKind, double[]> us = new EnumMap<>(ComponentKind.class);
            pids.keySet().forEach(k -> {
                JvmCpu.Split u = used.get(k);
                JvmCpu.Split i = idle.get(k);
                us.put(k, new double[] {
                    Math.max(0, u.totalMicros() - i.totalMicros() * idleShare) / answered,
                    Math.max(0, u.jitMicros() - i.jitMicros() * idleShare) / answered,
                    Math.max(0, u.gcMicros() - i.gcMicros() * idleShare) / answered
                });
            });
            perCall.put(kind.name(), us);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("calls", result[0]);
            row.put("errors", result[1]);
            Map<String, Object> cpu = new LinkedHashMap<>();
            Map<String, Object> jit = new LinkedHashMap<>();
            Map<String, Object> gc = new LinkedHashMap<>();
            us.forEach((k, v) -> {
                cpu.put(k.id(), Math.round(v[0]));
                jit.put(k.id(), Math.round(v[1]));
                gc.put(k.id(), Math.round(v[2]));
            });
            row.put("cpu_us_per_call", cpu);
            row.put("jit_cpu_us_per_call", jit);
            row.put("gc_cpu_us_per_call", gc);
            byKind.put(kind.name(), row);
            StringBuilder cells = new StringBuilder();
            us.forEach((k, v) ->
                    cells.append(String.format(Locale.ROOT, "%s %.0f (%.0f/%.0f)  ", k.id(), v[0], v[1], v[2])));
            out.accept(String.format(Locale.ROOT, "%-28s %7d %7d   %s", kind.name(), result[0], result[1], cells));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate_per_s", rate);
        json.put("seconds", seconds);
        json.put("calls", byKind);
        double[] proxied = perCall.get("GET /v1/rides via gateway").get(ComponentKind.GATEWAY);
        json.put("gateway_cpu_us_per_call", Math.round(proxied[0]));
        json.put("gateway_jit_cpu_us_per_call", Math.round(proxied[1]));
        json.put(
                "order_cpu_us_per_request",
                Math.round(perCall.get("POST /v1/rides direct").get(ComponentKind.ORDER_SERVICE)[0]));
        json.put(
                "direct_cpu_us_per_call",
                Math.round(perCall.get("GET /v1/rides direct").get(ComponentKind.ORDER_SERVICE)[0]));
        return json;
    }

    private Map<ComponentKind, Long> servicePids() {
        Map<ComponentKind, Long> pids = new EnumMap<>(ComponentKind.class);
        playground.processKinds().forEach((pid, kind) -> {
            for (ComponentKind k : ComponentKind.values()) {
                if (k.isService() && k.id().equals(kind)) {
                    pids.put(k, pid);
                }
            }
        });
        return pids;
    }

    private static Map<ComponentKind, JvmCpu.Split> cpu(Map<ComponentKind, Long> pids) {
        Map<ComponentKind, JvmCpu.Split> cpu = new EnumMap<>(ComponentKind.class);
        pids.forEach((kind, pid) -> cpu.put(
                kind,
                JvmCpu.of(pid).orElseThrow(() -> new IllegalStateException(kind.id() + " (pid " + pid + ") is gone"))));
        return cpu;
    }

    private static Map<ComponentKind, JvmCpu.Split> minus(
            Map<ComponentKind, JvmCpu.Split> after, Map<ComponentKind, JvmCpu.Split> before) {
        Map<ComponentKind, JvmCpu.Split> used = new EnumMap<>(ComponentKind.class);
        after.forEach((k, v) -> used.put(k, v.minus(before.get(k))));
        return used;
    }

    /** Drives {@code kind} at {@code rate} for {@code seconds}, open loop; answers {calls, errors}. */
    private static long[] drive(HttpClient http, CallKind kind, int rate, int seconds) {
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            long wait = start + n * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(http.sendAsync(kind.request().apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return new long[] {total, errors.get()};
    }

    private String url(Region region, ComponentKind kind) {
        return "http://127.0.0.1:" + playground.ports().port(region, kind);
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String quoteBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                Locale.ROOT,
                "{\"pickup\":{\"lat\":%.6f,\"lon\":%.6f},\"dropoff\":{\"lat\":%.6f,\"lon\":%.6f},\"product\":\"SOLO\","
                        + "\"seats\":1}",
                40.70 + random.nextDouble() * 0.10,
                -74.01 + random.nextDouble() * 0.06,
                40.70 + random.nextDouble() * 0.10,
                -74.01 + random.nextDouble() * 0.06);
    }
}
