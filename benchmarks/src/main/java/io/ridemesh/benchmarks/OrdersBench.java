package io.ridemesh.benchmarks;

import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code ./platform bench orders}: open-loop load of {@code POST /v1/rides} against one region's
 * order-service (its own playground: MariaDB, Kafka, order-service), at a fixed request rate
 * regardless of response times, so queueing shows in the latency (no coordinated omission). Each
 * request carries a fresh Idempotency-Key, a rider JWT and a quote token signed with the
 * playground's quote key (as pricing would). A warm-up at the same rate is discarded first: until the JIT has
 * compiled the hot paths (tens of seconds on 2 cores) the service's capacity is a fraction of its steady one.
 */
public final class OrdersBench {

    private final Playground playground;
    private final Consumer<String> out;
    private final java.util.concurrent.atomic.AtomicReference<String> firstError =
            new java.util.concurrent.atomic.AtomicReference<>();

    public OrdersBench(Playground playground, Consumer<String> out) {
        this.playground = playground;
        this.out = out;
    }

    /**
     * @param rate requests per second, open loop
     * @param seconds measured seconds
     * @param warmupSeconds unmeasured seconds at {@code rate} before them (0: none)
     * @return the JSON summary: {@code rate_per_s, seconds, requests, errors, p50_ms, p99_ms, max_ms}
     */
    public Map<String, Object> run(int rate, int seconds, int warmupSeconds) throws Exception {
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--rate and --seconds must be > 0 and --warmup >= 0, but were " + rate
                    + ", " + seconds + ", " + warmupSeconds);
        }
        Region a = Region.of(1);
        out.accept(
                "starting region a (MariaDB, Kafka), its identity-service (the tokens' issuer) and order-service ...");
        playground.up(1, true);
        playground.startService(a, ComponentKind.IDENTITY_SERVICE, Map.of());
        playground.startService(a, ComponentKind.ORDER_SERVICE, Map.of());
        String url = "http://127.0.0.1:" + playground.ports().port(a, ComponentKind.ORDER_SERVICE) + "/v1/rides";
        Tokens tokens = playground.issuerTokens(a);
        QuoteSigner quotes =
                new QuoteSigner(HexFormat.of().parseHex(playground.credentials().quoteSecret()));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(8))
                .build();
        Random random = new Random(42);
        List<String> riders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            riders.add(tokens.mint("bench-rider-" + i, "rider", Duration.ofHours(1)));
        }

        if (warmupSeconds > 0) {
            out.accept("warming up " + warmupSeconds + " s at " + rate + " requests/s (not measured) ...");
            drive(
                    http,
                    url,
                    quotes,
                    riders,
                    random,
                    rate,
                    warmupSeconds,
                    new ConcurrentLinkedQueue<>(),
                    new AtomicLong(),
                    null);
        }
        out.accept("driving " + rate + " requests/s for " + seconds + " s ...");
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long requests = drive(http, url, quotes, riders, random, rate, seconds, latenciesMicros, errors, statuses);

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0;
        out.accept("");
        out.accept(String.format(
                "%-10s %8s %8s %9s %9s %9s  %s",
                "rate/s", "requests", "errors", "p50 ms", "p99 ms", "max ms", "statuses"));
        out.accept(String.format(
                "%-10d %8d %8d %9.1f %9.1f %9.1f  %s", rate, requests, errors.get(), p50, p99, max, statuses));
        if (firstError.get() != null) {
            out.accept("first error: " + firstError.get());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate_per_s", rate);
        json.put("seconds", seconds);
        json.put("requests", requests);
        json.put("errors", errors.get());
        json.put("p50_ms", Math.round(p50 * 10) / 10.0);
        json.put("p99_ms", Math.round(p99 * 10) / 10.0);
        json.put("max_ms", Math.round(max * 10) / 10.0);
        return json;
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.round(q * (sorted.size() - 1))) / 1000.0;
    }

    private long drive(
            HttpClient http,
            String url,
            QuoteSigner quotes,
            List<String> riders,
            Random random,
            int rate,
            int seconds,
            ConcurrentLinkedQueue<Long> latencies,
            AtomicLong errors,
            Map<Integer, AtomicLong> statuses)
            throws Exception {
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int rider = (int) (n % riders.size());
            String body = RideRequestBodies.signed(
                    quotes, random, "bench" + n + "x" + random.nextInt(1_000_000), "bench-rider-" + rider);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + riders.get(rider))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            // latency from the scheduled send time: a slow server delays nothing it should not
            long scheduled = due;
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() != 201 && firstError.get() == null) {
                            firstError.set(response.statusCode() + " " + response.body());
                        }
                        latencies.add((System.nanoTime() - scheduled) / 1000);
                        int status = error != null ? -1 : response.statusCode();
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                        if (statuses != null) {
                            statuses.computeIfAbsent(status, s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return total;
    }
}
