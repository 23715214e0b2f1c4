package io.ridemesh.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code ./platform demo}: replays real trips through the mobile REST API on a 2-region
 * playground (NYC homed in region a, Chicago in region b) and reports what happened.
 *
 * <p>Riders get a quote and request a ride at the trip's (compressed) pickup time. Drivers are
 * seeded from the distinct taxi ids of the trips (synthetic ids where a file has none), go online
 * at their first trip's pickup shortly before it, wait for offers by long poll ({@value
 * #OFFER_WAIT_SECONDS} s), accept, drive to the pickup for the offered ETA and along the trip for
 * its real duration (both divided by the speed-up), then complete with the trip's real distance
 * and duration. Idle drivers send a fix every {@code HEARTBEAT}; busy ones send their route as a
 * location batch at the pickup and at the dropoff. A driver goes offline once idle after the end
 * of its last trip in the file plus a tail (its shift). Commands that get no answer or a 5xx are
 * retried, as an app would. Dispatch, not the file, decides which driver serves which rider.
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class DemoRun {

    /**
     * @param trips trip files (NYC TLC, Chicago or canonical CSV)
     * @param speed time compression, e.g. 10 (10 trip-minutes per wall minute)
     * @param window the replay window in trip time each file is mapped onto
     * @param limitPerFile at most this many trips per file (an even sample), 0 for all
     * @param reportDir where the JSON report is written
     * @param drillAt when region a is killed, as a fraction of the replay (negative: no drill)
     * @param outage how long region a stays down before it is restarted and failed back
     * @param viaGateway true: the apps call their region's gateway (the other one when theirs is
     *     unreachable), and the drill evacuates through the gateway's operator API; false: calls go
     *     straight to the home region's services
     * @param budget the whole run's wall time, cluster start to report ({@link Duration#ZERO}: none). When the replay
     *     and its tail would run longer, the wait for the last open rides ends early enough for the convergence check
     *     to fit; rides still open then are reported ({@code rides_left_open}, {@code stopped_by: "budget"}), and
     *     they count in the acknowledged-rides and convergence checks like every other ride.
     */
    public record Options(
            List<Path> trips,
            double speed,
            Duration window,
            int limitPerFile,
            Path reportDir,
            double drillAt,
            Duration outage,
            boolean viaGateway,
            Duration budget) {
        /** The default {@code budget}: the 15 minutes for the full demo on a 2-core machine. */
        public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);

        public Options {
            if (speed <= 0) {
                throw new IllegalArgumentException("--speed must be > 0, but was " + speed);
            }
            if (drillAt >= 1) {
                throw new IllegalArgumentException(
                        "--drill-at must be a fraction < 1 (negative: no drill), but was " + drillAt);
            }
            if (java.util.Objects.requireNonNull(budget, "budget").isNegative()) {
                throw new IllegalArgumentException("--budget-minutes must be >= 0, but was " + budget);
            }
        }
    }

    /** Longest wait for both regions' checksums to match after the replay. */
    private static final Duration CONVERGENCE_WAIT = Duration.ofSeconds(120);
    /** Part of the budget kept for the convergence check and the report after the replay's tail is cut. */
    private static final Duration CONVERGENCE_RESERVE = Duration.ofSeconds(45);

    private static final Duration DRIVER_LEAD = Duration.ofMinutes(3);
    /**
     * Longest wall time before the trip clock starts: the drivers on duty at the start log in spread over it, as a
     * fleet does before the rush, instead of thousands in the same second ({@value #LOGIN_SPACING_MS} ms apart, at
     * least 2 s).
     */
    private static final Duration LOGIN_WARMUP = Duration.ofSeconds(30);

    private static final long LOGIN_SPACING_MS = 20;

    /** Longest JIT warm-up before the drivers log in (see {@link #warmUp}). */
    private static final Duration WARMUP_MAX = Duration.ofSeconds(45);
    /** Warm-up quotes (and ride lists) per second. */
    private static final long WARMUP_RATE = 40;
    /** Pause before polling again after a failed offer poll (a successful long poll is renewed at once). */
    private static final Duration POLL = Duration.ofMillis(2000);
    /** Long-poll wait of the offer request: an idle driver sends one request per wait. */
    private static final int OFFER_WAIT_SECONDS = 55;
    /**
     * Attempts of a driver's accept that got no answer or a 5xx (an offer expires; the ride commands after it are
     * retried for as long as the run lasts, see {@code Driver#rideCommand}).
     */
    private static final int COMMAND_ATTEMPTS = 8;
    /** Attempts of a rider's quote and ride request that got no answer or a 5xx. */
    private static final int RIDER_ATTEMPTS = 5;
    /** First retry delay of a failed call; it doubles per consecutive failure up to {@link #BACKOFF_CAP}. */
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private static final Duration BACKOFF_CAP = Duration.ofSeconds(30);
    /**
     * How long the drill's operator keeps asking for the fail-back: the gateway refuses it (409) until region a is
     * healthy and has applied what b wrote during the outage.
     */
    private static final Duration FAILBACK_PATIENCE = Duration.ofMinutes(4);
    /** How long the drill's operator keeps retrying a call to a gateway that does not answer. */
    private static final Duration OPERATOR_PATIENCE = Duration.ofMinutes(2);
    /** A driver stays online this long (trip time) after the end of its last trip in the file, then leaves. */
    private static final Duration SHIFT_TAIL = Duration.ofMinutes(10);
    /**
     * Location fix of an idle (parked) driver: inside dispatch's 60 s staleness limit, with room for queueing. A
     * moving driver's route goes as trail batches instead. (The offer long poll is the driver's heartbeat in
     * dispatch too; a demo without these fixes measured worse in this session, see the README.)
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(40);
    /** At most this many points in the trail batch a driver sends at the pickup and at the dropoff. */
    private static final int TRAIL_POINTS = 20;

    private final DemoCluster cluster;
    private final Options options;
    private final Consumer<String> out;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    /** Samples the cluster's CPU time every {@link #CPU_SAMPLE} while the run lasts (see {@link CpuMeter}). */
    private final ScheduledExecutorService cpuSampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-cpu-sampler");
        t.setDaemon(true);
        return t;
    });

    private static final Duration CPU_SAMPLE = Duration.ofSeconds(2);
    private final Map<Integer, Region> unitHome = new ConcurrentHashMap<>(Map.of(1, Region.of(1), 2, Region.of(2)));
    private final Map<String, Trip> tripOfRide = new ConcurrentHashMap<>();
    private final Set<String> ackedRides = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> pickupEtas = new ConcurrentLinkedQueue<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong quoteFailures = new AtomicLong();
    private final AtomicLong requestFailures = new AtomicLong();
    /** Rides some driver accepted, counted once each (around a failover a ride may be accepted in both regions). */
    private final Set<String> matched = ConcurrentHashMap.newKeySet();

    /** Rides a driver completed (answered 2xx), counted once each. */
    private final Set<String> completed = ConcurrentHashMap.newKeySet();

    private final Map<Integer, AtomicLong> failuresByStatus = new ConcurrentHashMap<>();
    private final LagReader lags;
    private final Map<String, Integer> ackedRank = new ConcurrentHashMap<>();
    private final Map<String, Long> ackedAtMs = new ConcurrentHashMap<>();
    private final Map<String, Object> drill = new LinkedHashMap<>();
    /** The RPO of the drill: ride id to the status rank acknowledged in region a that b did not have at the kill. */
    private final Map<String, Integer> rpoWrites = new ConcurrentHashMap<>();

    private volatile long killedAtMs;
    /** When {@code cluster.kill} of the drill returned (the region's processes are gone). */
    private volatile long killDoneMs;

    private volatile long firstServedAfterKillMs;
    private long startMs;
    /** When {@link #run} began (cluster start): the {@link Options#budget} counts from here. */
    private Instant runStart;
    /** False when the cluster's services were already running before the demo (see the report's cold_start). */
    private boolean coldStart = true;

    private Tokens tokens;
    private Mobile mobile;
    private volatile boolean running = true;
    private volatile long stranded;
    /** Why the wait for open rides ended: {@code all rides ended}, {@code stalled}, {@code deadline} or {@code budget}. */
    private volatile String stoppedBy = "all rides ended";

    /** The failover drill, while it runs (null without one). */
    private volatile @org.jspecify.annotations.Nullable Thread drillThread;

    private final CpuMeter cpu;
    /** Lag histograms per direction taken just before the drill's kill (see the report's lag_p99_ms_steady). */
    private final Map<String, List<double[]>> steadyLag = new java.util.concurrent.ConcurrentHashMap<>();
    /** The region nodes' AOT cache when the cluster started ({@link DemoCluster#aotCache}), for the report. */
    private @org.jspecify.annotations.Nullable String aotCache;

    /** Command start (the trip files read) to every component of the cluster healthy, seconds. */
    private double clusterStartSeconds;

    /** The demo on the launcher's local playground. */
    public DemoRun(Playground playground, Options options, Consumer<String> out) {
        this(DemoCluster.of(playground), options, out);
    }

    /**
     * The demo on any two-region cluster (e.g. Docker Compose under Testcontainers).
     *
     * @param options what to replay and when to drill
     * @param out progress lines and the report
     */
    public DemoRun(DemoCluster cluster, Options options, Consumer<String> out) {
        this.cluster = java.util.Objects.requireNonNull(cluster, "cluster");
        this.options = options;
        this.out = out;
        this.lags = new LagReader(cluster);
        this.cpu = new CpuMeter(cluster::processes);
    }

    /** Runs the demo; answers the report (also written as JSON to {@code reportDir}). */
    public Map<String, Object> run() throws Exception {
        runStart = Instant.now();
        ReplayPlan plan = ReplayPlan.load(options.trips(), options.window(), options.limitPerFile());
        long nyc = plan.trips().stream().filter(p -> p.unitId() == 1).count();
        out.accept(String.format(
                "%d trips to replay (nyc %d, chicago %d) at %.0fx; skipped: %s",
                plan.trips().size(), nyc, plan.trips().size() - nyc, options.speed(), plan.skipped()));
        coldStart = !cluster.servicesRunning();
        if (!coldStart) {
            out.accept("note: services of an earlier run are still up and are reused (warm JVMs, earlier rows kept);"
                    + " the figures are not a cold start's: ./platform down first for one");
        }
        out.accept("starting a 2-region cluster (nyc homed in a, chicago in b) ...");
        aotCache = coldStart ? cluster.aotCache() : null;
        cluster.start();
        cpuSampler.scheduleWithFixedDelay(cpu::sample, 0, CPU_SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        clusterStartSeconds = Duration.between(runStart, Instant.now()).toMillis() / 1000.0;
        out.accept(String.format(
                "cluster healthy %.1f s after the command started (%s mode)", clusterStartSeconds, cluster.mode()));
        tokens = new Tokens(cluster.jwtSecretHex());
        mobile = options.viaGateway()
                ? new Mobile(this::gatewayRoute, this::unreachable)
                : new Mobile(this::directRoute, u -> {});
        warmUp(plan);

        List<Driver> drivers = seedDrivers(plan);
        long warmupMs = Math.min(LOGIN_WARMUP.toMillis(), Math.max(2_000, drivers.size() * LOGIN_SPACING_MS));
        Instant start = Instant.now().plusMillis(warmupMs); // the trip clock's zero
        startMs = start.toEpochMilli();
        for (Driver d : drivers) {
            long at = d.onlineAt.isZero()
                    ? Math.floorMod(d.id.hashCode(), warmupMs)
                    : warmupMs + wall(d.onlineAt).toMillis();
            scheduler.schedule(() -> d.goOnline(), at, TimeUnit.MILLISECONDS);
        }
        for (ReplayPlan.Planned p : plan.trips()) {
            scheduler.schedule(() -> request(p), warmupMs + wall(p.offset()).toMillis(), TimeUnit.MILLISECONDS);
        }
        out.accept(String.format("drivers on duty at the start log in over %d s", warmupMs / 1000));
        out.accept(String.format(
                "%d drivers seeded; replay takes about %.0f s",
                drivers.size(),
                wall(plan.trips().isEmpty()
                                        ? Duration.ZERO
                                        : plan.trips()
                                                .get(plan.trips().size() - 1)
                                                .offset())
                                .toMillis()
                        / 1000.0));

        if (options.drillAt() >= 0 && !plan.trips().isEmpty()) {
            long at = (long)
                    (wall(plan.trips().get(plan.trips().size() - 1).offset()).toMillis() * options.drillAt());
            Thread drill = new Thread(() -> runDrill(at), "failover-drill");
            drill.setDaemon(true);
            drillThread = drill;
            drill.start();
        }
        long lastOffsetMs = plan.trips().isEmpty()
                ? 0
                : wall(plan.trips().get(plan.trips().size() - 1).offset()).toMillis();
        // the 99th percentile, not the longest: a few multi-hour trips in the files must not keep the run going
        long[] tripMs = plan.trips().stream()
                .mapToLong(p -> p.trip().durationSeconds() * 1000)
                .sorted()
                .toArray();
        long longestTripMs = tripMs.length == 0 ? 0 : tripMs[(int) Math.floor(0.99 * (tripMs.length - 1))];
        // a region restart after the drill's outage takes up to two minutes on two cores
        long drillMs = options.drillAt() >= 0 ? options.outage().toMillis() + 120_000 : 0;
        Instant deadline =
                start.plusMillis(lastOffsetMs + (long) (longestTripMs / options.speed()) + drillMs + 120_000);
        String deadlineKind = "deadline";
        Instant budgetEnd = options.budget().isZero() ? null : runStart.plus(options.budget());
        if (budgetEnd != null && budgetEnd.minus(CONVERGENCE_RESERVE).isBefore(deadline)) {
            deadline = budgetEnd.minus(CONVERGENCE_RESERVE);
            deadlineKind = "budget";
        }
        long lastOpen = 0;
        long lastRequested = -1;
        long lastProgress = -1;
        Instant lastProgressAt = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            pause(Duration.ofSeconds(2));
            Map<String, Long> statuses = statusCounts(Region.of(2));
            long open = statuses.getOrDefault("REQUESTED", 0L)
                    + statuses.getOrDefault("DRIVER_ASSIGNED", 0L)
                    + statuses.getOrDefault("DRIVER_ARRIVED", 0L)
                    + statuses.getOrDefault("IN_PROGRESS", 0L);
            double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            out.accept(String.format(
                    "\r%5.0f s  requested %d  acked %d  matched %d  completed %d  open %d  %.1f req/s  lag a->b p99 %s ms",
                    elapsed,
                    requested.get(),
                    ackedRides.size(),
                    matched.size(),
                    completed.size(),
                    open,
                    requested.get() / Math.max(1, elapsed),
                    lagP99("a", Region.of(2))));
            lastOpen = open;
            boolean allRequested = requested.get() >= plan.trips().size();
            if (allRequested && open == 0 && requested.get() == lastRequested) {
                break;
            }
            // Stalled: every trip requested and nothing moved for a minute (rides stranded in a
            // lost region are not taken over yet): stop and report them.
            long progress = open * 1_000_000 + completed.size();
            if (progress != lastProgress) {
                lastProgress = progress;
                lastProgressAt = Instant.now();
            } else if (allRequested
                    && Duration.between(lastProgressAt, Instant.now()).toSeconds() >= 60) {
                stranded = open;
                stoppedBy = "stalled";
                out.accept(open + " rides still open and nothing moved for 60 s: stopping");
                break;
            }
            lastRequested = requested.get();
        }
        if (!Instant.now().isBefore(deadline)) {
            stranded = lastOpen;
            stoppedBy = deadlineKind;
            out.accept(String.format(
                    "%d rides still open at the end of the %s (%s): stopping",
                    lastOpen,
                    deadlineKind,
                    deadlineKind.equals("budget")
                            ? options.budget().toMinutes() + " min for the whole run"
                            : "replay, longest trips, drill and 2 min"));
        }
        awaitDrill(budgetEnd);
        running = false;
        scheduler.shutdownNow();
        for (Driver d : drivers) {
            d.state = DriverState.OFFLINE;
        }
        out.accept("replay finished; waiting for the regions to converge ...");
        Duration convergenceWait = CONVERGENCE_WAIT;
        if (budgetEnd != null) { // what the budget leaves, but at least 30 s: a convergence check is never skipped
            long leftMs =
                    Duration.between(Instant.now(), budgetEnd).minusSeconds(15).toMillis();
            convergenceWait = Duration.ofMillis(Math.max(30_000, Math.min(CONVERGENCE_WAIT.toMillis(), leftMs)));
        }
        boolean converged = awaitConvergence(convergenceWait);
        long lost = ackedRidesMissing();
        return report(plan, start, converged, lost);
    }

    /**
     * Waits for the failover drill to end (region a restarted and failed back) when the replay ended first, as a small
     * sample's can: the convergence and lost-ride checks need both regions up, and a region must not be left restarting
     * under the report. The apps keep running meanwhile. The wait ends with the budget, less the convergence reserve.
     */
    private void awaitDrill(@org.jspecify.annotations.Nullable Instant budgetEnd) throws InterruptedException {
        Thread drill = drillThread;
        if (drill == null || !drill.isAlive()) {
            return;
        }
        out.accept("replay ended during the failover drill; waiting for it to finish ...");
        long waitMs = budgetEnd == null
                ? 0 // no budget: as long as it takes (the drill's own steps have deadlines)
                : Math.max(
                        1,
                        Duration.between(Instant.now(), budgetEnd.minus(CONVERGENCE_RESERVE))
                                .toMillis());
        drill.join(waitMs);
        if (drill.isAlive()) {
            out.accept("the failover drill did not finish within the budget");
        }
    }

    // ---------------------------------------------------------------- routing

    /** Calls go straight to the service of the unit's home region (the gateways route the same way). */
    private String directRoute(String service, int unitId) {
        Region home = unitHome.getOrDefault(unitId, Region.of(1));
        ComponentKind kind =
                switch (service) {
                    case "pricing-service" -> ComponentKind.PRICING_SERVICE;
                    case "dispatch-service" -> ComponentKind.DISPATCH_SERVICE;
                    default -> ComponentKind.ORDER_SERVICE;
                };
        return cluster.url(home, kind);
    }

    private final Set<Region> gatewaysDown = ConcurrentHashMap.newKeySet();

    /**
     * The app calls the gateway of the region it belongs to (its unit's home when it started); if
     * that gateway does not answer, the other region's (what DNS/GSLB failover does for real apps).
     * The gateway routes to the unit's current home region.
     */
    private String gatewayRoute(String service, int unitId) {
        Region preferred = unitId == 2 ? Region.of(2) : Region.of(1);
        if (gatewaysDown.contains(preferred)) {
            preferred = preferred.id() == 1 ? Region.of(2) : Region.of(1);
        }
        return gatewayUrl(preferred);
    }

    private String gatewayUrl(Region region) {
        return cluster.url(region, ComponentKind.GATEWAY);
    }

    private void unreachable(String base) {
        if (!running) {
            return; // the run is over: its apps' last long polls end with the cluster, which is no news
        }
        for (Region r : List.of(Region.of(1), Region.of(2))) {
            if (base.equals(gatewayUrl(r)) && gatewaysDown.add(r)) {
                out.accept("apps: the gateway of region " + r.name() + " does not answer; using the other region's");
            }
        }
    }

    /** Trip time elapsed since the replay started. */
    private Duration tripTimeNow() {
        return Duration.ofMillis((long) ((System.currentTimeMillis() - startMs) * options.speed()));
    }

    private Duration wall(Duration tripTime) {
        return Duration.ofMillis((long) (tripTime.toMillis() / options.speed()));
    }

    // ---------------------------------------------------------------- riders

    private void request(ReplayPlan.Planned p) {
        if (!running) {
            return;
        }
        requested.incrementAndGet();
        Trip t = p.trip();
        String rider = tokens.mint("rider-" + t.sourceId(), "rider", Duration.ofHours(6));
        Map<String, Object> pickup = point(t.pickupLat(), t.pickupLon());
        Map<String, Object> dropoff = point(t.dropoffLat(), t.dropoffLon());
        Map<String, Object> quoteBody = Map.of("pickup", pickup, "dropoff", dropoff, "product", "SOLO", "seats", 1);
        quote(p, rider, quoteBody, RIDER_ATTEMPTS).thenCompose(q -> {
            if (!q.ok()) {
                quoteFailures.incrementAndGet();
                failuresByStatus
                        .computeIfAbsent(q.status(), st -> new AtomicLong())
                        .incrementAndGet();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
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
    private java.util.concurrent.CompletableFuture<Mobile.Response> quote(
            ReplayPlan.Planned p, String rider, Map<String, Object> body, int attemptsLeft) {
        return mobile.call(
                        "POST /v1/quotes", "pricing-service", p.unitId(), "POST", "/v1/quotes", rider, body, Map.of())
                .thenCompose(q -> {
                    if ((q.status() == -1 || q.status() >= 500) && attemptsLeft > 1 && running) {
                        return later(backoff(RIDER_ATTEMPTS - attemptsLeft))
                                .thenCompose(x -> quote(p, rider, body, attemptsLeft - 1));
                    }
                    return java.util.concurrent.CompletableFuture.completedFuture(q);
                });
    }

    /**
     * Delay before retry number {@code failures + 1}: exponential back-off with jitter, as mobile apps do ({@code
     * BACKOFF_BASE x 2^failures}, capped at {@code BACKOFF_CAP}, then a uniform 50-100% of it), so that an overloaded
     * cluster is not buried under synchronized retries (measured: with fixed 1-2 s retries the full replay sent 158,845
     * log-ins for 6,860 drivers).
     */
    static Duration backoff(int failures) {
        long ms = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(failures, 20));
        return Duration.ofMillis(
                ms / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private java.util.concurrent.CompletableFuture<Void> later(Duration delay) {
        return java.util.concurrent.CompletableFuture.runAsync(
                () -> {},
                java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * JIT warm-up, not counted in the report: the services' JVMs have just started and run interpreted or C1 code
     * for their first minute or two (measured: a gateway took 2.9-3.8 ms of CPU per proxied call in its first 90 s
     * under 200 calls/s, 1.4 ms once warm; cold, 4,014 of 12,000 calls timed out). Riders of the plan's trips ask
     * for quotes and list their rides at {@value #WARMUP_RATE}/s each, for 5 ms per planned trip (5-45 s), through a
     * separate client whose latencies are dropped. Drivers' calls warm up during their log-in.
     */
    private void warmUp(ReplayPlan plan) throws InterruptedException {
        if (plan.trips().isEmpty()) {
            return;
        }
        long lengthMs =
                Math.min(WARMUP_MAX.toMillis(), Math.max(5_000, plan.trips().size() * 5L));
        out.accept(String.format(
                "warming up the services for %d s (quotes and ride lists, not counted) ...", lengthMs / 1000));
        Mobile warm =
                options.viaGateway() ? new Mobile(this::gatewayRoute, u -> {}) : new Mobile(this::directRoute, u -> {});
        long calls = lengthMs * WARMUP_RATE / 1000;
        List<java.util.concurrent.CompletableFuture<Mobile.Response>> pending = new ArrayList<>();
        long t0 = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long due = t0 + i * 1_000_000_000L / WARMUP_RATE;
            long waitNs = due - System.nanoTime();
            if (waitNs > 0) {
                TimeUnit.NANOSECONDS.sleep(waitNs); // pacing of the load, not synchronisation
            }
            ReplayPlan.Planned p = plan.trips().get((int) (i % plan.trips().size()));
            Trip t = p.trip();
            String rider = tokens.mint("warmup-rider-" + (i % 500), "rider", Duration.ofHours(1));
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
            java.util.concurrent.CompletableFuture.allOf(pending.toArray(new java.util.concurrent.CompletableFuture[0]))
                    .get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a slow or failed warm-up call only means a colder start; the replay does not depend on it
        }
    }

    /** POST /v1/rides, retried with the same Idempotency-Key when no response arrived (as an app would). */
    private java.util.concurrent.CompletableFuture<Void> createRide(
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
                        tripOfRide.put(id, p.trip());
                        ackedRides.add(id);
                        acked(id, 0);
                        servedAfterKill(p.unitId(), sentAtMs);
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    }
                    if ((r.status() == -1 || r.status() >= 500) && attemptsLeft > 1 && running) {
                        return later(backoff(RIDER_ATTEMPTS - attemptsLeft))
                                .thenCompose(x -> createRide(p, rider, body, key, attemptsLeft - 1));
                    }
                    requestFailures.incrementAndGet();
                    failuresByStatus
                            .computeIfAbsent(r.status(), s -> new AtomicLong())
                            .incrementAndGet();
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                });
    }

    private static final List<String> RANKS = List.of("requested", "accept", "arrive", "start", "complete");

    /** Records an acknowledged write to a ride: its status rank and when. */
    private void acked(String rideId, int rank) {
        ackedRank.merge(rideId, rank, Math::max);
        ackedAtMs.put(rideId, System.currentTimeMillis());
    }

    /**
     * The first NYC write sent after the kill and served ends the outage as the rider sees it (RTO). A request sent
     * before the kill and answered after it does not count.
     */
    private void servedAfterKill(int unitId, long sentAtMs) {
        if (unitId == 1 && killedAtMs > 0 && sentAtMs >= killedAtMs && firstServedAfterKillMs == 0) {
            firstServedAfterKillMs = System.currentTimeMillis();
        }
    }

    private static Map<String, Object> point(double lat, double lon) {
        return Map.of("lat", lat, "lon", lon);
    }

    // ---------------------------------------------------------------- drivers

    enum DriverState {
        OFFLINE,
        IDLE,
        BUSY
    }

    private List<Driver> seedDrivers(ReplayPlan plan) {
        Map<String, Driver> byKey = new LinkedHashMap<>();
        Map<String, Duration> shiftEnds = new HashMap<>();
        int synthetic = 0;
        Map<Integer, Integer> tripsPerUnit = new HashMap<>();
        for (ReplayPlan.Planned p : plan.trips()) {
            tripsPerUnit.merge(p.unitId(), 1, Integer::sum);
        }
        for (ReplayPlan.Planned p : plan.trips()) {
            String key = p.trip().driverKey();
            if (key == null || key.isBlank()) {
                // no taxi id in the file: one synthetic driver per 3 trips of the unit
                int pool = Math.max(1, tripsPerUnit.get(p.unitId()) / 3);
                key = "u" + p.unitId() + "-driver-" + (synthetic++ % pool);
            }
            String id = "driver-" + Integer.toHexString(key.hashCode()) + "-" + p.unitId();
            Duration end = p.offset().plusSeconds(p.trip().durationSeconds()).plus(SHIFT_TAIL);
            shiftEnds.merge(id, end, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (!byKey.containsKey(id)) {
                Duration online = p.offset().minus(DRIVER_LEAD);
                byKey.put(
                        id,
                        new Driver(
                                id,
                                p.unitId(),
                                p.trip().pickupLat(),
                                p.trip().pickupLon(),
                                online.isNegative() ? Duration.ZERO : online));
            }
        }
        // A sample (--limit) keeps only some trips of each taxi, so its shift in the sample is not the real one:
        // its drivers stay online to the end.
        if (options.limitPerFile() <= 0) {
            byKey.values().forEach(d -> d.offlineAt = shiftEnds.get(d.id));
        }
        return new ArrayList<>(byKey.values());
    }

    /** One simulated driver app. Its methods run on the scheduler; state is volatile. */
    final class Driver {
        final String id;
        final int unitId;
        final Duration onlineAt;
        /** Trip time after which the driver goes offline once idle (end of its last trip in the file + a tail). */
        volatile Duration offlineAt = Duration.ofDays(1);

        final String token;
        volatile double lat;
        volatile double lon;
        volatile DriverState state = DriverState.OFFLINE;
        /** Consecutive failed log-ins and offer polls, for the back-off (each driver's calls run one at a time). */
        volatile int onlineFailures;

        volatile int pollFailures;

        Driver(String id, int unitId, double lat, double lon, Duration onlineAt) {
            this.id = id;
            this.unitId = unitId;
            this.lat = lat;
            this.lon = lon;
            this.onlineAt = onlineAt;
            this.token = tokens.mint(id, "driver", Duration.ofHours(6));
        }

        void goOnline() {
            if (!running) {
                return;
            }
            mobile.call(
                            "POST /v1/drivers/me/online",
                            "dispatch-service",
                            unitId,
                            "POST",
                            "/v1/drivers/me/online",
                            token,
                            Map.of("seats", 4, "lat", lat, "lon", lon),
                            Map.of())
                    .thenAccept(r -> {
                        if (r.ok()) {
                            onlineFailures = 0;
                            state = DriverState.IDLE;
                            scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                            // the first fix at a random phase: drivers online together do not all send together
                            scheduler.schedule(
                                    this::heartbeat,
                                    java.util.concurrent.ThreadLocalRandom.current()
                                            .nextLong(HEARTBEAT.toMillis() / 4, HEARTBEAT.toMillis()),
                                    TimeUnit.MILLISECONDS);
                        } else if (running) {
                            scheduler.schedule(
                                    this::goOnline, backoff(onlineFailures++).toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
        }

        /**
         * An idle driver's periodic fix. A driver with a rider sends its route as trail batches at the pickup
         * and at the dropoff instead ({@link #trail}): it is not in the available index meanwhile.
         */
        void heartbeat() {
            if (!running || state == DriverState.OFFLINE) {
                return;
            }
            if (state != DriverState.IDLE) {
                scheduler.schedule(this::heartbeat, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            Map<String, Object> fix = Map.of("lat", lat, "lon", lon, "ts", System.currentTimeMillis());
            mobile.call(
                            "POST /v1/drivers/me/locations",
                            "dispatch-service",
                            unitId,
                            "POST",
                            "/v1/drivers/me/locations",
                            token,
                            Map.of("points", List.of(fix)),
                            Map.of())
                    .thenAccept(r -> {
                        // the unit's new home region does not know this driver yet (after a failover)
                        if (r.status() == 409 && state == DriverState.IDLE) {
                            logInAgain();
                        }
                    });
            scheduler.schedule(this::heartbeat, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }

        void poll() {
            if (!running || state != DriverState.IDLE) {
                return;
            }
            if (tripTimeNow().compareTo(offlineAt) > 0) {
                goOffline();
                return;
            }
            mobile.call(
                            "GET /v1/drivers/me/offer (long poll)",
                            "dispatch-service",
                            unitId,
                            "GET",
                            "/v1/drivers/me/offer?waitSeconds=" + OFFER_WAIT_SECONDS,
                            token,
                            null,
                            Map.of())
                    .thenAccept(r -> {
                        if (r.status() == 200
                                && r.body() != null
                                && "PENDING".equals(r.body().path("status").asText())) {
                            pollFailures = 0;
                            accept(r.body());
                        } else if (r.status() == 204) {
                            pollFailures = 0;
                            poll();
                        } else if (r.status() == 409 && state == DriverState.IDLE) {
                            pollFailures = 0;
                            logInAgain();
                        } else {
                            scheduler.schedule(
                                    this::poll, backoff(pollFailures++).toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
        }

        /**
         * The region serving the driver's unit does not know this driver as online (409: after a failover, or swept):
         * the app logs in there again.
         */
        void logInAgain() {
            state = DriverState.OFFLINE;
            goOnline();
        }

        /** End of shift: the app goes offline and stops. */
        void goOffline() {
            state = DriverState.OFFLINE;
            mobile.call(
                    "POST /v1/drivers/me/offline",
                    "dispatch-service",
                    unitId,
                    "POST",
                    "/v1/drivers/me/offline",
                    token,
                    Map.of(),
                    Map.of());
        }

        void accept(JsonNode offer) {
            accept(offer, COMMAND_ATTEMPTS);
        }

        /** Accepts the offer; retried on no answer or a 5xx (accepting is idempotent). */
        void accept(JsonNode offer, int attemptsLeft) {
            String offerId = offer.path("offerId").asText();
            long offerUnit = io.ridemesh.common.id.GlobalIdGenerator.unitOf(Long.parseLong(offerId));
            mobile.call(
                            "POST /v1/offers/{id}/accept",
                            "dispatch-service",
                            (int) offerUnit,
                            "POST",
                            "/v1/offers/" + offerId + "/accept",
                            token,
                            Map.of(),
                            Map.of())
                    .thenAccept(r -> {
                        if ((r.status() == -1 || r.status() >= 500) && attemptsLeft > 1 && running) {
                            scheduler.schedule(
                                    () -> accept(offer, attemptsLeft - 1),
                                    backoff(COMMAND_ATTEMPTS - attemptsLeft).toMillis(),
                                    TimeUnit.MILLISECONDS);
                            return;
                        }
                        if (!r.ok()) {
                            scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                            return;
                        }
                        state = DriverState.BUSY;
                        matched.add(offer.path("rideId").asText());
                        acked(offer.path("rideId").asText(), RANKS.indexOf("accept"));
                        long eta = offer.path("pickupEtaSeconds").asLong(0);
                        pickupEtas.add(eta);
                        String rideId = offer.path("rideId").asText();
                        long driveMs = Math.max(200, (long) (eta * 1000 / options.speed()));
                        scheduler.schedule(() -> arrive(rideId, offer, driveMs), driveMs, TimeUnit.MILLISECONDS);
                    });
        }

        void arrive(String rideId, JsonNode offer, long driveMs) {
            int unit = io.ridemesh.common.id.GlobalIdGenerator.unitOf(Long.parseLong(rideId));
            double fromLat = lat;
            double fromLon = lon;
            lat = offer.path("pickup").path("lat").asDouble(lat);
            lon = offer.path("pickup").path("lon").asDouble(lon);
            trail(fromLat, fromLon, driveMs);
            rideCommand("arrive", rideId, unit, Map.of())
                    .thenCompose(r -> rideCommand("start", rideId, unit, Map.of()))
                    .thenAccept(r -> {
                        Trip trip = tripOfRide.get(rideId);
                        long seconds = trip == null ? 600 : trip.durationSeconds();
                        long metres = trip == null ? 3000 : trip.distanceMetres();
                        scheduler.schedule(
                                () -> complete(rideId, unit, offer, seconds, metres),
                                Math.max(200, (long) (seconds * 1000 / options.speed())),
                                TimeUnit.MILLISECONDS);
                    });
        }

        void complete(String rideId, int unit, JsonNode offer, long seconds, long metres) {
            rideCommand(
                            "complete",
                            rideId,
                            unit,
                            Map.of("actualDistanceMetres", metres, "actualDurationSeconds", seconds))
                    .thenAccept(r -> {
                        if (r.ok()) {
                            completed.add(rideId);
                        }
                        double fromLat = lat;
                        double fromLon = lon;
                        lat = offer.path("dropoff").path("lat").asDouble(lat);
                        lon = offer.path("dropoff").path("lon").asDouble(lon);
                        state = DriverState.IDLE;
                        trail(fromLat, fromLon, (long) (seconds * 1000 / options.speed()));
                        scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                    });
        }

        /**
         * One batch of the route just driven, from ({@code fromLat}, {@code fromLon}) to the current position,
         * over the last {@code driveMs} ms: a straight line, one point per second of wall time, at most
         * {@value #TRAIL_POINTS}; the last point is the current position, now.
         */
        private void trail(double fromLat, double fromLon, long driveMs) {
            long now = System.currentTimeMillis();
            int n = (int) Math.max(1, Math.min(TRAIL_POINTS, driveMs / 1000));
            List<Map<String, Object>> points = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                double f = (double) i / n;
                points.add(Map.of(
                        "lat", fromLat + (lat - fromLat) * f,
                        "lon", fromLon + (lon - fromLon) * f,
                        "ts", now - (long) (driveMs * (1 - f))));
            }
            mobile.call(
                    "POST /v1/drivers/me/locations",
                    "dispatch-service",
                    unitId,
                    "POST",
                    "/v1/drivers/me/locations",
                    token,
                    Map.of("points", points),
                    Map.of());
        }

        /**
         * A driver's ride command (arrive, start, complete), retried with back-off for as long as the run lasts when no
         * answer or a 5xx came back: a driver app keeps a trip's commands queued until the platform takes them, as it
         * does offline, instead of leaving the ride open for good (the commands are idempotent by state: a repeated one
         * answers 409 naming the state it already reached).
         */
        private java.util.concurrent.CompletableFuture<Mobile.Response> rideCommand(
                String command, String rideId, int unit, Map<String, Object> body) {
            return rideCommand(command, rideId, unit, body, 0);
        }

        private java.util.concurrent.CompletableFuture<Mobile.Response> rideCommand(
                String command, String rideId, int unit, Map<String, Object> body, int failures) {
            long sentAtMs = System.currentTimeMillis();
            return mobile.call(
                            "POST /v1/rides/{id}/" + command,
                            "order-service",
                            unit,
                            "POST",
                            "/v1/rides/" + rideId + "/" + command,
                            token,
                            body,
                            Map.of())
                    .thenCompose(r -> {
                        if (r.ok()) {
                            acked(rideId, RANKS.indexOf(command));
                            servedAfterKill(unit, sentAtMs);
                        }
                        if ((r.status() == -1 || r.status() >= 500) && running) {
                            return later(backoff(failures))
                                    .thenCompose(x -> rideCommand(command, rideId, unit, body, failures + 1));
                        }
                        return java.util.concurrent.CompletableFuture.completedFuture(r);
                    });
        }
    }

    // ---------------------------------------------------------------- failover drill

    /**
     * Kills region a abruptly, measures RPO against region b, evacuates a's units to b, keeps a
     * down for the outage, then restarts it and fails back.
     */
    private void runDrill(long atWallMs) {
        try {
            // at is counted from the trip clock's zero, after the drivers' log-in
            pause(Duration.ofMillis(Math.max(0, startMs - System.currentTimeMillis()) + atWallMs));
            Region a = Region.of(1);
            Region b = Region.of(2);
            out.accept("drill: killing region a (SIGKILL) ...");
            // the steady state's lag: everything both targets applied before the drill's outage and catch-up
            steadyLag.put("a->b", lags.buckets("a", b));
            steadyLag.put("b->a", lags.buckets("b", a));
            killedAtMs = System.currentTimeMillis();
            cluster.kill(a);
            killDoneMs = System.currentTimeMillis();
            drill.put("killed_at_ms", killedAtMs);
            measureRpo(b);
            evacuate(a, b);
            drill.put("evacuated_at_ms", System.currentTimeMillis());
            pause(options.outage());
            out.accept("drill: restarting region a ...");
            cluster.restart(a);
            // the fail-back waits (409) until a is healthy and has applied what b wrote meanwhile
            drill.put("restarted_at_ms", System.currentTimeMillis());
            out.accept("drill: region a restarted; failing back once it has caught up ...");
            failBack(a);
            drill.put("failed_back_at_ms", System.currentTimeMillis());
            out.accept("drill: region a is back and homes nyc again");
        } catch (Exception e) {
            drill.put("error", e.toString());
            out.accept("drill failed: " + e);
        }
    }

    /**
     * Of the writes missing in b at the kill ({@link #rpoWrites}), how many b holds after region a's return: the ride
     * is there at the acknowledged status or later, or has ended (a later write superseded it).
     */
    private long recoveredAfterFailback() throws SQLException {
        if (rpoWrites.isEmpty()) {
            return 0;
        }
        Map<String, String> statusInB = new HashMap<>();
        try (Connection c = cluster.rootConnection(Region.of(2));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, status, terminal FROM rides.rides WHERE id IN ("
                        + String.join(",", rpoWrites.keySet()) + ")")) {
            while (rs.next()) {
                statusInB.put(Long.toString(rs.getLong(1)), rs.getBoolean(3) ? "TERMINAL" : rs.getString(2));
            }
        }
        long recovered = 0;
        for (Map.Entry<String, Integer> e : rpoWrites.entrySet()) {
            String status = statusInB.get(e.getKey());
            if (status != null && (status.equals("TERMINAL") || rankOf(status) >= e.getValue())) {
                recovered++;
            }
        }
        return recovered;
    }

    /** Writes acknowledged to clients in region a (nyc rides) that region b does not have yet. */
    private void measureRpo(Region b) throws SQLException {
        Map<String, Integer> ranksInB = new HashMap<>();
        try (Connection c = cluster.rootConnection(b);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, status FROM rides.rides WHERE unit_id = 1 AND requested_at_ms >= " + startMs)) {
            while (rs.next()) {
                ranksInB.put(Long.toString(rs.getLong(1)), rankOf(rs.getString(2)));
            }
        }
        long missing = 0;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Integer> e : ackedRank.entrySet()) {
            if (io.ridemesh.common.id.GlobalIdGenerator.unitOf(Long.parseLong(e.getKey())) != 1) {
                continue;
            }
            Integer inB = ranksInB.get(e.getKey());
            if (inB == null || inB < e.getValue()) {
                missing++;
                oldest = Math.min(oldest, ackedAtMs.getOrDefault(e.getKey(), killedAtMs));
                rpoWrites.put(e.getKey(), e.getValue());
            }
        }
        drill.put("rpo_writes", missing);
        // from the oldest missing write to the moment the region was surely dead: an answer can still arrive while the
        // kill is under way (measured: -49 ms against the kill's start)
        drill.put("rpo_window_ms", missing == 0 ? 0 : Math.max(0, killDoneMs - oldest));
        out.accept("drill: RPO " + missing + " acknowledged writes not yet in b at the kill");
    }

    private static int rankOf(String status) {
        return switch (status) {
            case "DRIVER_ASSIGNED" -> 1;
            case "DRIVER_ARRIVED" -> 2;
            case "IN_PROGRESS" -> 3;
            case "COMPLETED" -> 4;
            default -> 0;
        };
    }

    /**
     * Moves a's units to b. Through the gateway: waits until b's gateway declares a down, then
     * calls its operator API; directly: the clients' routing follows the unit's new home.
     */
    private void evacuate(Region from, Region to) throws Exception {
        if (!options.viaGateway()) {
            unitHome.replaceAll((unit, home) -> home.equals(from) ? to : home);
            drill.put("evacuation", "client routing");
            out.accept("drill: nyc now homed in " + to.name());
            return;
        }
        String operator = operatorToken(to);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode regions = ops(to, "GET", "/ops/regions", operator);
            boolean down = false;
            for (JsonNode r : regions.path("regions").isArray() ? regions.path("regions") : regions) {
                if (from.name().equals(r.path("name").asText())
                        && "DOWN".equals(r.path("state").asText())) {
                    down = true;
                    drill.put("declared_down_at_ms", r.path("declaredDownAtMs").asLong());
                }
            }
            if (down) {
                break;
            }
            pause(Duration.ofMillis(200));
        }
        JsonNode evacuation = ops(to, "POST", "/ops/regions/" + from.name() + "/evacuate", operator);
        drill.put("evacuation", evacuation);
        unitHome.replaceAll((unit, home) -> home.equals(from) ? to : home);
        out.accept("drill: region " + from.name() + " declared down by " + to.name() + "'s gateway; evacuated: "
                + evacuation.path("units"));
    }

    private void failBack(Region back) throws Exception {
        unitHome.put(1, back);
        if (!options.viaGateway()) {
            return;
        }
        Region other = back.id() == 1 ? Region.of(2) : Region.of(1);
        String operator = operatorToken(other);
        Instant deadline = Instant.now().plus(FAILBACK_PATIENCE);
        JsonNode result = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                result = ops(other, "POST", "/ops/regions/" + back.name() + "/failback", operator);
                if (!result.has("status") || result.path("status").asInt() < 400) {
                    break;
                }
            } catch (java.io.IOException e) {
                // a gateway busy with the catch-up load: the fail-back is idempotent, try again
                drill.put("failback_retries", ((Number) drill.getOrDefault("failback_retries", 0)).intValue() + 1);
            }
            pause(Duration.ofSeconds(1)); // 409 until the region is healthy again and caught up
        }
        drill.put("failback", result);
        gatewaysDown.remove(back);
        JsonNode drills = ops(other, "GET", "/ops/drills", operator);
        for (JsonNode d : drills.path("drills")) {
            if ("evacuate".equalsIgnoreCase(d.path("kind").asText()) && d.hasNonNull("rtoMs")) {
                drill.put("gateway_rto_ms", d.path("rtoMs").asLong());
                break;
            }
        }
    }

    /**
     * An operator's call to a gateway, retried with back-off for up to {@code OPERATOR_PATIENCE} when it gets no
     * response (an overloaded gateway's accept queue drops connections; the operator tries again, as with the console).
     */
    private <T> T operatorCall(java.util.concurrent.Callable<T> call) throws Exception {
        Instant deadline = Instant.now().plus(OPERATOR_PATIENCE);
        for (int failures = 0; ; failures++) {
            try {
                return call.call();
            } catch (java.io.IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                out.accept(
                        "drill: operator call got no response (" + e.getClass().getSimpleName() + "); retrying");
                pause(backoff(Math.min(failures, 3)));
            }
        }
    }

    private String operatorToken(Region via) throws Exception {
        var response = operatorCall(() -> java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.opsUrl(via) + "/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new ObjectMapper()
                                        .writeValueAsString(Map.of(
                                                "sub", "demo-operator",
                                                "role", "operator",
                                                "password", cluster.operatorPassword()))))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(
                    "operator login at " + via.name() + " failed: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("token").asText();
    }

    private JsonNode ops(Region via, String method, String path, String token) throws Exception {
        var response = operatorCall(() -> java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.opsUrl(via) + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        method.equals("GET")
                                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                                : java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
        JsonNode body = response.body().isBlank()
                ? new ObjectMapper().createObjectNode()
                : new ObjectMapper().readTree(response.body());
        if (response.statusCode() >= 400 && body.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("status", response.statusCode());
        }
        return body;
    }

    // ---------------------------------------------------------------- measurements

    private Map<String, Long> statusCounts(Region region) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = cluster.rootConnection(region);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM rides.rides WHERE requested_at_ms >= "
                        + startMs + " GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            counts.put("UNREACHABLE", 1L);
        }
        return counts;
    }

    /** p99 lag in ms of one direction before the drill's kill (over the whole run without a drill), or null. */
    private @org.jspecify.annotations.Nullable Double steadyP99(String source, Region target, String direction) {
        List<double[]> buckets =
                steadyLag.containsKey(direction) ? steadyLag.get(direction) : lags.buckets(source, target);
        var p99 = LagReader.quantile(buckets, 0.99);
        return p99.isPresent() ? Math.round(p99.getAsDouble() * 10) / 10.0 : null;
    }

    /** p99 of the replication lag from {@code source} into {@code target}, in ms, or "-". */
    private String lagP99(String source, Region target) {
        return lagPercentile(source, target, 0.99);
    }

    private String lagPercentile(String source, Region target, double q) {
        var v = lags.quantileMs(source, target, q);
        return v.isPresent() ? String.format(java.util.Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
    }

    private boolean awaitConvergence(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                String a = Convergence.checksum(cluster, Region.of(1), "rides", "rides");
                String b = Convergence.checksum(cluster, Region.of(2), "rides", "rides");
                if (a.equals(b)) {
                    out.accept("converged: rides.rides checksum " + a + " in both regions");
                    return true;
                }
            } catch (SQLException e) {
                // a region still starting: try again
            }
            pause(Duration.ofSeconds(1));
        }
        return false;
    }

    /** Acknowledged rides (201 to a rider) missing in either region. */
    private long ackedRidesMissing() throws SQLException {
        long missing = 0;
        for (Region r : List.of(Region.of(1), Region.of(2))) {
            Set<String> present = new java.util.HashSet<>();
            try (Connection c = cluster.rootConnection(r);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM rides.rides")) {
                while (rs.next()) {
                    present.add(Long.toString(rs.getLong(1)));
                }
            }
            for (String id : ackedRides) {
                if (!present.contains(id)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private Map<String, Object> report(ReplayPlan plan, Instant start, boolean converged, long lost) throws Exception {
        Map<String, Long> statuses = statusCounts(Region.of(2));
        long completedRides = statuses.getOrDefault("COMPLETED", 0L);
        List<Long> etas = pickupEtas.stream().sorted().toList();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trips_planned", plan.trips().size());
        r.put("trips_requested", requested.get());
        r.put("rides_acked", ackedRides.size());
        r.put(
                "acked_share",
                requested.get() == 0 ? 0 : Math.round(1000.0 * ackedRides.size() / requested.get()) / 1000.0);
        r.put("trips_matched", (long) matched.size());
        r.put("trips_completed", completedRides);
        r.put(
                "trips_cancelled",
                statuses.getOrDefault("CANCELLED_BY_RIDER", 0L) + statuses.getOrDefault("CANCELLED_BY_DRIVER", 0L));
        r.put("trips_no_driver", statuses.getOrDefault("NO_DRIVER_AVAILABLE", 0L));
        // second rides of one request created by two regions around the drill, withdrawn by order-service
        r.put("duplicates_withdrawn", statuses.getOrDefault("CANCELLED_AS_DUPLICATE", 0L));
        r.put(
                "match_rate",
                ackedRides.isEmpty() ? 0 : Math.round(1000.0 * matched.size() / ackedRides.size()) / 1000.0);
        r.put("pickup_eta_p50_s", etas.isEmpty() ? 0 : etas.get(etas.size() / 2));
        r.put("pickup_eta_p90_s", etas.isEmpty() ? 0 : etas.get((int) (etas.size() * 0.9)));
        r.put("quote_failures", quoteFailures.get());
        r.put("request_failures", requestFailures.get());
        r.put("failures_by_status", failuresByStatus);
        Map<String, Map<String, Object>> latency = mobile.latencyReport();
        r.put("api_latency", latency);
        Map<String, Object> calls = new LinkedHashMap<>();
        latency.forEach((endpoint, row) -> calls.put(endpoint, row.get("calls")));
        r.put("calls_by_endpoint", calls);
        r.put("client_errors", mobile.errorCounts());
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put(
                "a->b",
                Map.of("lag_p50_ms", lagPercentile("a", Region.of(2), 0.5), "lag_p99_ms", lagP99("a", Region.of(2))));
        lag.put(
                "b->a",
                Map.of("lag_p50_ms", lagPercentile("b", Region.of(1), 0.5), "lag_p99_ms", lagP99("b", Region.of(1))));
        r.put("replication", lag);
        // outside the drill's outage and catch-up: before the kill, or over the whole run when no drill ran
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("a->b", steadyP99("a", Region.of(2), "a->b"));
        steady.put("b->a", steadyP99("b", Region.of(1), "b->a"));
        r.put("lag_p99_ms_steady", steady);
        // RTO as the platform defines it (gateway: region declared down -> first request of a moved
        // unit served by the new home); the riders' view (kill -> first nyc write served) beside it
        Object gatewayRto = drill.get("gateway_rto_ms");
        r.put(
                "rto_s",
                gatewayRto instanceof Long ms
                        ? ms / 1000.0
                        : firstServedAfterKillMs == 0 ? null : (firstServedAfterKillMs - killedAtMs) / 1000.0);
        r.put(
                "outage_seen_by_riders_s",
                firstServedAfterKillMs == 0 ? null : (firstServedAfterKillMs - killedAtMs) / 1000.0);
        r.put("via_gateway", options.viaGateway());
        r.put("rpo_writes", drill.get("rpo_writes"));
        r.put("rpo_window_ms", drill.get("rpo_window_ms"));
        // every RPO write must reach b once region a (its database and its Kafka cluster) is back
        r.put("recovered_after_failback", options.drillAt() < 0 ? null : recoveredAfterFailback());
        r.put("drill", options.drillAt() < 0 ? "not run" : drill);
        r.put("acked_rides_lost", lost);
        r.put("rides_left_open", stranded);
        r.put("stopped_by", stoppedBy);
        r.put("converged", converged);
        r.put("skipped", plan.skipped());
        r.put("wall_seconds", Duration.between(start, Instant.now()).toSeconds());
        // the whole run: cluster start, JIT warm-up and drivers' log-in included (wall_seconds starts at the trip
        // clock)
        r.put("run_wall_seconds", Duration.between(runStart, Instant.now()).toSeconds());
        cpuSampler.shutdownNow();
        cpu.sample();
        r.put("cpu_s_by_kind", cpu.secondsByKind());
        r.put("cpu_s_total", cpu.totalSeconds());
        r.put(
                "cpu_ms_per_completed_ride",
                completedRides == 0 ? null : Math.round(cpu.totalSeconds() * 1000 / completedRides));
        r.put("cold_start", coldStart);
        r.put("mode", cluster.mode());
        r.put("cluster_start_s", clusterStartSeconds);
        r.put("aot_cache", aotCache);
        r.put("speed", options.speed());
        Files.createDirectories(options.reportDir());
        Path file = options.reportDir().resolve("demo-report-" + System.currentTimeMillis() + ".json");
        Files.writeString(
                file,
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        r.put("report_file", file.toString());
        return r;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
