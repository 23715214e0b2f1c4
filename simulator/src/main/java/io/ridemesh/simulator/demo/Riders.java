package io.ridemesh.simulator.demo;

import static io.ridemesh.simulator.demo.Waits.backoff;
import static io.ridemesh.simulator.demo.Waits.later;

import io.ridemesh.common.trip.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The simulated rider apps: before the replay, a JIT warm-up of the services ({@link #warmUp}); then, per planned trip
 * at its (compressed) pickup time, a quote and a ride request ({@link #request}), each retried with {@link
 * Waits#backoff} up to {@value #RIDER_ATTEMPTS} attempts when no answer or a 5xx came back (the ride request with the
 * same Idempotency-Key). Requests, acknowledged rides and failures go to the {@link RideLedger}; a served ride request
 * goes to the {@link RegionDrill} for its RTO.
 *
 * <p>Thread-safe: {@link #request} runs on the scheduler and continues on the HTTP client's callbacks; the
 * collaborators are thread-safe. {@link #warmUp} runs once, on the orchestrator's thread.
 */
final class Riders {

    /** Longest JIT warm-up before the drivers log in (see {@link #warmUp}). */
    private static final Duration WARMUP_MAX = Duration.ofSeconds(45);
    /** Warm-up quotes (and ride lists) per second. */
    private static final long WARMUP_RATE = 40;
    /** Attempts of a rider's quote and ride request that got no answer or a 5xx. */
    private static final int RIDER_ATTEMPTS = 5;

    private final DemoRun.Options options;
    private final Consumer<String> out;
    private final AppAccounts accounts;
    private final Mobile mobile;
    private final Routes routes;
    private final ReplayClock clock;
    private final RideLedger ledger;
    private final RegionDrill drill;

    /**
     * @param options whether the apps call the gateways (also for the warm-up's client)
     * @param out progress lines
     * @param accounts the riders of the pool and their sessions, provisioned before the warm-up
     * @param mobile the apps' HTTP client
     * @param routes where the warm-up's client sends its calls
     * @param clock whether the run still lasts
     * @param ledger where requests, acknowledged rides and failures are counted
     * @param drill told of every ride request served, for the RTO seen by riders
     */
    Riders(
            DemoRun.Options options,
            Consumer<String> out,
            AppAccounts accounts,
            Mobile mobile,
            Routes routes,
            ReplayClock clock,
            RideLedger ledger,
            RegionDrill drill) {
        this.options = options;
        this.out = out;
        this.accounts = accounts;
        this.mobile = mobile;
        this.routes = routes;
        this.clock = clock;
        this.ledger = ledger;
        this.drill = drill;
    }

    /**
     * JIT warm-up, not counted in the report: the services' JVMs have just started and run interpreted or C1 code
     * for their first minute or two (measured: a gateway took 2.9-3.8 ms of CPU per proxied call in its first 90 s
     * under 200 calls/s, 1.4 ms once warm; cold, 4,014 of 12,000 calls timed out). Riders of the plan's trips ask
     * for quotes and list their rides at {@value #WARMUP_RATE}/s each, for 5 ms per planned trip (5-45 s), through a
     * separate client whose latencies are dropped. Drivers' calls warm up during their log-in.
     */
    void warmUp(ReplayPlan plan) throws InterruptedException {
        if (plan.trips().isEmpty()) {
            return;
        }
        long lengthMs =
                Math.min(WARMUP_MAX.toMillis(), Math.max(5_000, plan.trips().size() * 5L));
        out.accept(String.format(
                "warming up the services for %d s (quotes and ride lists, not counted) ...", lengthMs / 1000));
        Mobile warm = options.viaGateway()
                ? new Mobile(routes::gatewayRoute, u -> {})
                : new Mobile(routes::directRoute, u -> {});
        long calls = lengthMs * WARMUP_RATE / 1000;
        List<CompletableFuture<Mobile.Response>> pending = new ArrayList<>();
        long t0 = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long due = t0 + i * 1_000_000_000L / WARMUP_RATE;
            long waitNs = due - System.nanoTime();
            if (waitNs > 0) {
                TimeUnit.NANOSECONDS.sleep(waitNs); // pacing of the load, not synchronisation
            }
            ReplayPlan.Planned p = plan.trips().get((int) (i % plan.trips().size()));
            Trip t = p.trip();
            String riderId = accounts.riderOf(p);
            if (!accounts.signedIn(riderId)) {
                continue;
            }
            String rider = accounts.token(riderId);
            Map<String, Object> body = Map.of(
                    "pickup",
                    point(t.pickupLat(), t.pickupLon()),
                    "dropoff",
                    point(t.dropoffLat(), t.dropoffLon()),
                    "product",
                    "SOLO",
                    "seats",
                    1);
            pending.add(warm.call(
                    "warmup quote", "pricing-service", p.unitId(), "POST", "/v1/quotes", rider, body, Map.of()));
            pending.add(warm.call(
                    "warmup rides",
                    "order-service",
                    p.unitId(),
                    "GET",
                    "/v1/rides?status=REQUESTED",
                    rider,
                    null,
                    Map.of()));
        }
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a slow or failed warm-up call only means a colder start; the replay does not depend on it
        }
    }

    /** A rider of the trip gets a quote and requests the ride (nothing once the run is over). */
    void request(ReplayPlan.Planned p) {
        if (!clock.running()) {
            return;
        }
        ledger.countRequest();
        Trip t = p.trip();
        String riderId = accounts.riderOf(p);
        if (!accounts.signedIn(riderId)) { // its app could not sign in: it cannot ask for anything
            ledger.quoteFailed(401, "the app could not sign in");
            return;
        }
        String rider = accounts.token(riderId);
        Map<String, Object> pickup = point(t.pickupLat(), t.pickupLon());
        Map<String, Object> dropoff = point(t.dropoffLat(), t.dropoffLon());
        Map<String, Object> quoteBody = Map.of("pickup", pickup, "dropoff", dropoff, "product", "SOLO", "seats", 1);
        quote(p, rider, quoteBody, RIDER_ATTEMPTS).thenCompose(q -> {
            if (!q.ok()) {
                ledger.quoteFailed(q.status(), Mobile.detailOf(q));
                return CompletableFuture.completedFuture(null);
            }
            Map<String, Object> rideBody = new LinkedHashMap<>();
            rideBody.put("quoteToken", q.body().path("token").asText());
            rideBody.put("pickup", pickup);
            rideBody.put("dropoff", dropoff);
            rideBody.put("product", "SOLO");
            rideBody.put("seats", 1);
            return createRide(p, rider, rideBody, UUID.randomUUID().toString(), RIDER_ATTEMPTS);
        });
    }

    /** POST /v1/quotes, retried after 1 s when no response or a 5xx came back (as an app would). */
    private CompletableFuture<Mobile.Response> quote(
            ReplayPlan.Planned p, String rider, Map<String, Object> body, int attemptsLeft) {
        return mobile.call(
                        "POST /v1/quotes", "pricing-service", p.unitId(), "POST", "/v1/quotes", rider, body, Map.of())
                .thenCompose(q -> {
                    if ((q.status() == -1 || q.status() >= 500) && attemptsLeft > 1 && clock.running()) {
                        return later(backoff(RIDER_ATTEMPTS - attemptsLeft))
                                .thenCompose(x -> quote(p, rider, body, attemptsLeft - 1));
                    }
                    return CompletableFuture.completedFuture(q);
                });
    }

    /** POST /v1/rides, retried with the same Idempotency-Key when no response arrived (as an app would). */
    private CompletableFuture<Void> createRide(
            ReplayPlan.Planned p, String rider, Map<String, Object> body, String key, int attemptsLeft) {
        long sentAtMs = System.currentTimeMillis();
        return mobile.call(
                        "POST /v1/rides",
                        "order-service",
                        p.unitId(),
                        "POST",
                        "/v1/rides",
                        rider,
                        body,
                        Map.of("Idempotency-Key", key))
                .thenCompose(r -> {
                    if (r.ok()) {
                        String id = r.body().path("id").asText();
                        ledger.rideAcked(id, p.trip());
                        drill.servedAfterKill(p.unitId(), sentAtMs);
                        return CompletableFuture.completedFuture(null);
                    }
                    if ((r.status() == -1 || r.status() >= 500) && attemptsLeft > 1 && clock.running()) {
                        return later(backoff(RIDER_ATTEMPTS - attemptsLeft))
                                .thenCompose(x -> createRide(p, rider, body, key, attemptsLeft - 1));
                    }
                    ledger.requestFailed(r.status(), Mobile.detailOf(r));
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static Map<String, Object> point(double lat, double lon) {
        return Map.of("lat", lat, "lon", lon);
    }
}
