package io.ridemesh.simulator.demo;

import static io.ridemesh.simulator.demo.Waits.pause;

import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.simulator.demo.Drivers.Driver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./platform demo}: replays real trips through the mobile REST API on a 2-region
 * playground (NYC homed in region a, Chicago in region b) and reports what happened.
 *
 * <p>Riders get a quote and request a ride at the trip's (compressed) pickup time. Drivers are
 * seeded from the distinct taxi ids of the trips (synthetic ids where a file has none), go online
 * at their first trip's pickup shortly before it, wait for offers by long poll ({@value
 * Drivers#OFFER_WAIT_SECONDS} s), accept, drive to the pickup for the offered ETA and along the trip for
 * its real duration (both divided by the speed-up), then complete with the trip's real distance
 * and duration. Idle drivers send a fix every {@code HEARTBEAT}; busy ones send their route as a
 * location batch at the pickup and at the dropoff. A driver goes offline once idle after the end
 * of its last trip in the file plus a tail (its shift). Commands that get no answer or a 5xx are
 * retried, as an app would. Dispatch, not the file, decides which driver serves which rider.
 *
 * <p>This class runs the sequence (cluster start, warm-up, drivers' log-in, replay, drill, wait for the open rides,
 * convergence, report) and wires its parts: the rider apps ({@link Riders}), the driver apps ({@link Drivers}), the
 * region-loss drill ({@link RegionDrill}) and the measurements and report ({@link DemoReport}), which share what the
 * apps were told ({@link RideLedger}), where their calls go ({@link Routes}) and the trip clock ({@link ReplayClock}).
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
            if (Objects.requireNonNull(budget, "budget").isNegative()) {
                throw new IllegalArgumentException("--budget-minutes must be >= 0, but was " + budget);
            }
        }
    }

    /** Longest wait for both regions' checksums to match after the replay. */
    private static final Duration CONVERGENCE_WAIT = Duration.ofSeconds(120);
    /** Part of the budget kept for the convergence check and the report after the replay's tail is cut. */
    private static final Duration CONVERGENCE_RESERVE = Duration.ofSeconds(45);

    /**
     * Longest wall time before the trip clock starts: the drivers on duty at the start log in spread over it, as a
     * fleet does before the rush, instead of thousands in the same second ({@value #LOGIN_SPACING_MS} ms apart, at
     * least 2 s).
     */
    private static final Duration LOGIN_WARMUP = Duration.ofSeconds(30);

    private static final long LOGIN_SPACING_MS = 20;

    private final DemoCluster cluster;
    private final Options options;
    private final Consumer<String> out;
    /** Runs the drivers' steps and the riders' requests; shut down when the replay ends. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    private final ReplayClock clock;
    private final RideLedger ledger = new RideLedger();
    private final Routes routes;
    private final RegionDrill drill;
    private final DemoReport report;
    /** The operator's sessions: the imports, the drill, the lag reader. */
    private final OperatorSessions operators;

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
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.options = options;
        this.out = out;
        this.clock = new ReplayClock(options.speed());
        this.routes = new Routes(cluster, clock, out);
        this.operators = new OperatorSessions(cluster);
        LagReader lags = new LagReader(cluster, operators);
        this.drill = new RegionDrill(cluster, options, out, clock, ledger, routes, lags, operators);
        this.report = new DemoReport(cluster, options, out, clock, ledger, lags, drill);
    }

    /** Runs the demo; answers the report (also written as JSON to {@code reportDir}). */
    public Map<String, Object> run() throws Exception {
        Instant runStart = Instant.now();
        ReplayPlan plan = ReplayPlan.load(options.trips(), options.window(), options.limitPerFile());
        long nyc = plan.trips().stream().filter(p -> p.unitId() == 1).count();
        out.accept(String.format(
                "%d trips to replay (nyc %d, chicago %d) at %.0fx; skipped: %s",
                plan.trips().size(), nyc, plan.trips().size() - nyc, options.speed(), plan.skipped()));
        boolean coldStart = !cluster.servicesRunning();
        if (!coldStart) {
            out.accept("note: services of an earlier run are still up and are reused (warm JVMs, earlier rows kept);"
                    + " the figures are not a cold start's: ./platform down first for one");
        }
        out.accept("starting a 2-region cluster (nyc homed in a, chicago in b) ...");
        String aotCache = coldStart ? cluster.aotCache() : null;
        cluster.start();
        report.startCpuSampling();
        double clusterStartSeconds = Duration.between(runStart, Instant.now()).toMillis() / 1000.0;
        out.accept(String.format(
                "cluster healthy %.1f s after the command started (%s mode)", clusterStartSeconds, cluster.mode()));
        Mobile mobile = options.viaGateway()
                ? new Mobile(routes::gatewayRoute, routes::unreachable)
                : new Mobile(routes::directRoute, u -> {});
        AppAccounts accounts = new AppAccounts(cluster, operators, options.viaGateway(), plan, out);
        Drivers drivers = new Drivers(options, accounts, mobile, scheduler, clock, ledger, drill);
        List<Driver> fleet = drivers.seed(plan);
        // the apps' accounts and sessions, before the trip clock (as real apps are signed in before their users ride)
        double cpuBeforeProvisioning = report.cpuSecondsNow();
        Map<String, Integer> driverUnits = new LinkedHashMap<>();
        fleet.forEach(d -> driverUnits.put(d.id, d.unitId));
        AppAccounts.Provisioned provisioned = accounts.provision(driverUnits);
        double provisioningCpu = report.cpuSecondsNow() - cpuBeforeProvisioning;
        Riders riders = new Riders(options, out, accounts, mobile, routes, clock, ledger, drill);
        riders.warmUp(plan);

        long warmupMs = Math.min(LOGIN_WARMUP.toMillis(), Math.max(2_000, fleet.size() * LOGIN_SPACING_MS));
        Instant start = Instant.now().plusMillis(warmupMs); // the trip clock's zero
        clock.start(start);
        for (Driver d : fleet) {
            long at = d.onlineAt.isZero()
                    ? Math.floorMod(d.id.hashCode(), warmupMs)
                    : warmupMs + wall(d.onlineAt).toMillis();
            scheduler.schedule(() -> d.goOnline(), at, TimeUnit.MILLISECONDS);
        }
        for (ReplayPlan.Planned p : plan.trips()) {
            scheduler.schedule(
                    () -> riders.request(p), warmupMs + wall(p.offset()).toMillis(), TimeUnit.MILLISECONDS);
        }
        out.accept(String.format("drivers on duty at the start log in over %d s", warmupMs / 1000));
        out.accept(String.format(
                "%d drivers seeded; replay takes about %.0f s",
                fleet.size(),
                wall(plan.trips().isEmpty()
                                        ? Duration.ZERO
                                        : plan.trips()
                                                .get(plan.trips().size() - 1)
                                                .offset())
                                .toMillis()
                        / 1000.0));

        Thread drillThread = null; // the failover drill, while it runs
        if (options.drillAt() >= 0 && !plan.trips().isEmpty()) {
            long at = (long)
                    (wall(plan.trips().get(plan.trips().size() - 1).offset()).toMillis() * options.drillAt());
            Thread thread = new Thread(() -> drill.run(at), "failover-drill");
            thread.setDaemon(true);
            drillThread = thread;
            thread.start();
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
        // the provisioning is reported on its own and does not count against the budget
        Instant budgetEnd = options.budget().isZero()
                ? null
                : runStart.plus(options.budget()).plusMillis((long) (provisioned.seconds() * 1000));
        if (budgetEnd != null && budgetEnd.minus(CONVERGENCE_RESERVE).isBefore(deadline)) {
            deadline = budgetEnd.minus(CONVERGENCE_RESERVE);
            deadlineKind = "budget";
        }
        long stranded = 0;
        // why the wait for open rides ended: all rides ended, stalled, deadline or budget
        String stoppedBy = "all rides ended";
        long lastOpen = 0;
        long lastRequested = -1;
        long lastProgress = -1;
        Instant lastProgressAt = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            pause(Duration.ofSeconds(2));
            Map<String, Long> statuses = report.statusCounts(Region.of(2));
            long open = statuses.getOrDefault("REQUESTED", 0L)
                    + statuses.getOrDefault("DRIVER_ASSIGNED", 0L)
                    + statuses.getOrDefault("DRIVER_ARRIVED", 0L)
                    + statuses.getOrDefault("IN_PROGRESS", 0L);
            double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            out.accept(String.format(
                    "\r%5.0f s  requested %d  acked %d  matched %d  completed %d  open %d  %.1f req/s  lag a->b p99 %s ms",
                    elapsed,
                    ledger.requested(),
                    ledger.ackedRides(),
                    ledger.matchedRides(),
                    ledger.completedRides(),
                    open,
                    ledger.requested() / Math.max(1, elapsed),
                    report.lagP99("a", Region.of(2))));
            lastOpen = open;
            boolean allRequested = ledger.requested() >= plan.trips().size();
            if (allRequested && open == 0 && ledger.requested() == lastRequested) {
                break;
            }
            // Stalled: every trip requested and nothing moved for a minute (rides stranded in a
            // lost region are not taken over yet): stop and report them.
            long progress = open * 1_000_000 + ledger.completedRides();
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
            lastRequested = ledger.requested();
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
        awaitDrill(drillThread, budgetEnd);
        clock.stop();
        scheduler.shutdownNow();
        for (Driver d : fleet) {
            d.stop();
        }
        out.accept("replay finished; waiting for the regions to converge ...");
        Duration convergenceWait = CONVERGENCE_WAIT;
        if (budgetEnd != null) { // what the budget leaves, but at least 30 s: a convergence check is never skipped
            long leftMs =
                    Duration.between(Instant.now(), budgetEnd).minusSeconds(15).toMillis();
            convergenceWait = Duration.ofMillis(Math.max(30_000, Math.min(CONVERGENCE_WAIT.toMillis(), leftMs)));
        }
        boolean converged = report.awaitConvergence(convergenceWait);
        long lost = report.ackedRidesMissing();
        DemoReport.RunFacts facts = new DemoReport.RunFacts(
                runStart,
                start,
                coldStart,
                aotCache,
                clusterStartSeconds,
                stranded,
                stoppedBy,
                converged,
                lost,
                provisioned,
                provisioningCpu);
        return report.write(plan, mobile, facts);
    }

    /**
     * Waits for the failover drill to end (region a restarted and failed back) when the replay ended first, as a small
     * sample's can: the convergence and lost-ride checks need both regions up, and a region must not be left restarting
     * under the report. The apps keep running meanwhile. The wait ends with the budget, less the convergence reserve.
     */
    private void awaitDrill(@Nullable Thread thread, @Nullable Instant budgetEnd) throws InterruptedException {
        if (thread == null || !thread.isAlive()) {
            return;
        }
        out.accept("replay ended during the failover drill; waiting for it to finish ...");
        long waitMs = budgetEnd == null
                ? 0 // no budget: as long as it takes (the drill's own steps have deadlines)
                : Math.max(
                        1,
                        Duration.between(Instant.now(), budgetEnd.minus(CONVERGENCE_RESERVE))
                                .toMillis());
        thread.join(waitMs);
        if (thread.isAlive()) {
            out.accept("the failover drill did not finish within the budget");
        }
    }

    /** The wall time a span of trip time takes at the run's speed. */
    private Duration wall(Duration tripTime) {
        return Duration.ofMillis((long) (tripTime.toMillis() / options.speed()));
    }
}
