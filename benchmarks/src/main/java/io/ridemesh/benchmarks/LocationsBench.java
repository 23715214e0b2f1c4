package io.ridemesh.benchmarks;

import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.PlatformException;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code ./platform bench locations}: location ingestion through dispatch-service's REST API against raw Redis.
 *
 * <p>Its own 1-region playground (MariaDB, Redis, Kafka, dispatch-service). {@code drivers} drivers go online in
 * Manhattan, then {@code clients} closed-loop clients (one thread and HTTP/1.1 connection each, drivers split
 * between them) post {@code POST /v1/drivers/me/locations} batches of {@code batch} fixes, each driver moving a few
 * metres per fix. After a 5 s warm-up, the points of 2xx answers per second are counted; any other answer or a
 * failed request is an error. Then {@code redis-benchmark} sends 1,000,000 pipelined GEOADDs to the same Redis
 * server: the ceiling of a raw GEO write. Not thread-safe: one run at a time.
 */
public final class LocationsBench {

    // Manhattan, roughly: Battery to Inwood
    static final double LAT_MIN = 40.70;
    static final double LAT_MAX = 40.88;
    static final double LON_MIN = -74.02;
    static final double LON_MAX = -73.93;

    private static final int WARMUP_SECONDS = 5;
    private static final long RAW_REQUESTS = 1_000_000;

    private final Playground playground;
    private final Consumer<String> out;
    private final Consumer<String> progress;
    private final AtomicReference<String> firstError = new AtomicReference<>();

    /**
     * @param out receives the table
     * @param progress receives progress lines ({@code \r}-prefixed ones replace the previous one)
     */
    public LocationsBench(Playground playground, Consumer<String> out, Consumer<String> progress) {
        this.playground = playground;
        this.out = out;
        this.progress = progress;
    }

    /**
     * Runs the benchmark (about {@code seconds} + 5 s of load, plus start-up).
     *
     * @param seconds measured seconds, {@code >= 1}
     * @param drivers drivers online, {@code >= clients}
     * @param batch fixes per request, 1..500
     * @param clients concurrent clients, {@code >= 1}
     * @return the JSON summary: api_locations_per_s, raw_geoadd_per_s, ratio, seconds, errors
     */
    public Map<String, Object> run(int seconds, int drivers, int batch, int clients) throws Exception {
        if (seconds < 1 || batch < 1 || batch > 500 || clients < 1 || drivers < clients) {
            throw new IllegalArgumentException("need --seconds >= 1, --batch in 1..500, --clients >= 1 and --drivers"
                    + " >= --clients, but were " + seconds + ", " + batch + ", " + clients + ", " + drivers);
        }
        RedisBenchmark.locate()
                .orElseThrow(() -> new PlatformException(
                        "redis-benchmark not found on the PATH: install the Debian package redis-tools"));
        Region a = Region.of(1);
        progress.accept(
                "starting region a (MariaDB, Redis, Kafka), its identity-service (the tokens' issuer) and dispatch ...");
        playground.up(1, true);
        playground.startService(a, ComponentKind.IDENTITY_SERVICE, Map.of());
        playground.startService(a, ComponentKind.DISPATCH_SERVICE, Map.of());
        String base =
                "http://127.0.0.1:" + playground.ports().port(a, ComponentKind.DISPATCH_SERVICE) + "/v1/drivers/me/";
        Tokens tokens = playground.issuerTokens(a);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        try {
            Fleet fleet = new Fleet(drivers, tokens);
            goOnline(http, base, fleet, workers);
            Load load = new Load(http, base + "locations", fleet, batch, clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.submit(() -> load.client(client));
            }
            Counts measured = load.measure(seconds);
            load.stop = true;
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.SECONDS);
            progress.accept("running redis-benchmark (" + RAW_REQUESTS + " GEOADDs, -P 64) on the same Redis ...");
            double raw = RedisBenchmark.geoaddPerSecond(playground.ports().port(a, ComponentKind.REDIS), RAW_REQUESTS);
            return report(measured, raw, seconds, batch, clients, drivers);
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> report(Counts m, double raw, int seconds, int batch, int clients, int drivers) {
        double api = m.points / m.seconds;
        double ratio = raw > 0 ? api / raw : 0;
        out.accept("");
        out.accept(String.format(
                "%d drivers, batches of %d fixes, %d clients; %d s measured after a %d s warm-up",
                drivers, batch, clients, seconds, WARMUP_SECONDS));
        out.accept(String.format(
                "%-34s %10s %11s %7s %7s %7s", "path", "points/s", "requests/s", "errors", "p50 ms", "p99 ms"));
        out.accept(String.format(
                "%-34s %10.0f %11.0f %7d %7.1f %7.1f",
                "POST /v1/drivers/me/locations", api, m.requests / m.seconds, m.errors, m.p50Ms, m.p99Ms));
        out.accept(String.format("%-34s %10.0f %11.0f %7s", "redis-benchmark GEOADD -P 64", raw, raw, "-"));
        out.accept(String.format("API / raw: %.3f (goal >= 0.5)", ratio));
        if (firstError.get() != null) {
            out.accept("first error: " + firstError.get());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("api_locations_per_s", Math.round(api));
        json.put("raw_geoadd_per_s", Math.round(raw));
        json.put("ratio", Math.round(ratio * 1000) / 1000.0);
        json.put("seconds", seconds);
        json.put("errors", m.errors);
        return json;
    }

    private void goOnline(HttpClient http, String base, Fleet fleet, ExecutorService workers) throws Exception {
        progress.accept("bringing " + fleet.size() + " drivers online ...");
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int d = 0; d < fleet.size(); d++) {
            int driver = d;
            answers.add(workers.submit(() -> {
                String body = "{\"seats\":4,\"lat\":" + fleet.lat[driver] + ",\"lon\":" + fleet.lon[driver] + "}";
                return post(http, base + "online", fleet.tokens[driver], body);
            }));
        }
        long failed = 0;
        for (Future<Boolean> answer : answers) {
            failed += answer.get() ? 0 : 1;
        }
        if (failed > 0) {
            throw new PlatformException(
                    failed + " of " + fleet.size() + " drivers could not go online; first error: " + firstError.get());
        }
    }

    /** @return whether the answer was 2xx; the first failure is kept for the report */
    private boolean post(HttpClient http, String url, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            firstError.compareAndSet(null, response.statusCode() + " " + response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            firstError.compareAndSet(null, e.toString());
        }
        return false;
    }

    /** The drivers: tokens and current positions. Driver {@code d} is only moved by client {@code d % clients}. */
    private static final class Fleet {
        final String[] tokens;
        final double[] lat;
        final double[] lon;

        Fleet(int drivers, Tokens minter) {
            tokens = new String[drivers];
            lat = new double[drivers];
            lon = new double[drivers];
            Random random = new Random(7);
            for (int d = 0; d < drivers; d++) {
                tokens[d] = minter.mint("bench-driver-" + d, "driver", Duration.ofHours(2));
                lat[d] = LAT_MIN + random.nextDouble() * (LAT_MAX - LAT_MIN);
                lon[d] = LON_MIN + random.nextDouble() * (LON_MAX - LON_MIN);
            }
        }

        int size() {
            return tokens.length;
        }
    }

    /** What the measured interval counted. */
    private record Counts(long points, long requests, long errors, double seconds, double p50Ms, double p99Ms) {}

    /** The closed-loop clients and their counters. */
    private final class Load {
        final HttpClient http;
        final String url;
        final Fleet fleet;
        final int batch;
        final int clients;
        final AtomicLong points = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        volatile boolean measuring;
        volatile boolean stop;

        Load(HttpClient http, String url, Fleet fleet, int batch, int clients) {
            this.http = http;
            this.url = url;
            this.fleet = fleet;
            this.batch = batch;
            this.clients = clients;
        }

        void client(int client) {
            Random random = new Random(1000 + client);
            int owned = (fleet.size() - client + clients - 1) / clients;
            for (int k = 0; !stop && !Thread.currentThread().isInterrupted(); k++) {
                int d = client + (k % owned) * clients;
                String body = batchOf(d, random);
                boolean timed = measuring;
                long start = System.nanoTime();
                if (post(http, url, fleet.tokens[d], body)) {
                    points.addAndGet(batch);
                    requests.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                if (timed) {
                    latenciesMicros.add((System.nanoTime() - start) / 1000);
                }
            }
        }

        /** A batch of fixes 1 ms apart ending now, moving the driver up to ~5 m per fix. */
        private String batchOf(int d, Random random) {
            long now = System.currentTimeMillis();
            StringBuilder b = new StringBuilder(32 + 64 * batch).append("{\"points\":[");
            for (int i = 0; i < batch; i++) {
                fleet.lat[d] = clamp(fleet.lat[d] + (random.nextDouble() - 0.5) * 0.0001, LAT_MIN, LAT_MAX);
                fleet.lon[d] = clamp(fleet.lon[d] + (random.nextDouble() - 0.5) * 0.0001, LON_MIN, LON_MAX);
                b.append(i == 0 ? "{\"lat\":" : ",{\"lat\":")
                        .append(fleet.lat[d])
                        .append(",\"lon\":")
                        .append(fleet.lon[d])
                        .append(",\"ts\":")
                        .append(now - batch + 1 + i)
                        .append('}');
            }
            return b.append("]}").toString();
        }

        /** Waits out the warm-up, then counts for {@code seconds}, with a progress line every second. */
        Counts measure(int seconds) throws InterruptedException {
            for (int s = 1; s <= WARMUP_SECONDS; s++) {
                Thread.sleep(1000);
                progress.accept(String.format(
                        "\rwarming up: %d/%d s, %d points, %d errors", s, WARMUP_SECONDS, points.get(), errors.get()));
            }
            long p0 = points.get();
            long r0 = requests.get();
            long e0 = errors.get();
            measuring = true;
            long t0 = System.nanoTime();
            long last = p0;
            for (int s = 1; s <= seconds; s++) {
                Thread.sleep(Math.max(0, t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                long now = points.get();
                progress.accept(String.format(
                        "\rmeasuring: %d/%d s, %,d points/s in the last second, %d errors",
                        s, seconds, now - last, errors.get() - e0));
                last = now;
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long counted = points.get() - p0;
            long sent = requests.get() - r0;
            long failed = errors.get() - e0;
            measuring = false;
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return new Counts(counted, sent, failed, elapsed, percentileMs(sorted, 0.50), percentileMs(sorted, 0.99));
        }
    }

    private static double percentileMs(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.round(q * (sorted.size() - 1))) / 1000.0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
