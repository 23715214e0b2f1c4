package io.ridemesh.simulator.demo;

import static io.ridemesh.simulator.demo.Waits.pause;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ridemesh.infra.cluster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The demo's measurements of the cluster and its report: ride status counts in a region's database, replication lag
 * percentiles (ms) from the sync-sinks' histograms (steady state: before the drill's kill), the cluster's CPU time
 * (sampled every {@code CPU_SAMPLE}, 2 s, from {@link #startCpuSampling} until {@link #write}), the convergence check
 * and the acknowledged rides missing after the run; {@link #write} builds the report map from these, the {@link
 * RideLedger}, the {@link RegionDrill} and the clients' latencies, and writes it as JSON.
 *
 * <p>Thread-safe for the progress line's reads ({@link #statusCounts}, {@link #lagP99}) during the run; {@link
 * #awaitConvergence}, {@link #ackedRidesMissing} and {@link #write} are for the orchestrator's thread once the apps
 * stopped.
 */
final class DemoReport {

    private static final Duration CPU_SAMPLE = Duration.ofSeconds(2);

    /**
     * What only the orchestrator knows, for the report.
     *
     * @param runStart when the run began (cluster start)
     * @param start the trip clock's zero
     * @param coldStart false when the cluster's services were already running before the demo
     * @param aotCache the region nodes' AOT cache when the cluster started ({@link DemoCluster#aotCache}), or null
     * @param clusterStartSeconds command start (the trip files read) to every component of the cluster healthy, s
     * @param ridesLeftOpen rides still open when the wait for them ended
     * @param stoppedBy why that wait ended: {@code all rides ended}, {@code stalled}, {@code deadline} or {@code
     *     budget}
     * @param converged whether both regions' rides checksums matched
     * @param ackedRidesLost acknowledged rides missing in either region (counted once per region)
     * @param provisioning what making the accounts and signing the apps in cost (before the trip clock), or null
     * @param provisioningCpuSeconds the cluster's and the client's CPU seconds over the provisioning
     */
    record RunFacts(
            Instant runStart,
            Instant start,
            boolean coldStart,
            @Nullable String aotCache,
            double clusterStartSeconds,
            long ridesLeftOpen,
            String stoppedBy,
            boolean converged,
            long ackedRidesLost,
            AppAccounts.@Nullable Provisioned provisioning,
            double provisioningCpuSeconds) {}

    private final DemoCluster cluster;
    private final DemoRun.Options options;
    private final Consumer<String> out;
    private final ReplayClock clock;
    private final RideLedger ledger;
    private final LagReader lags;
    private final RegionDrill drill;
    private final CpuMeter cpu;
    /** Samples the cluster's CPU time every {@link #CPU_SAMPLE} while the run lasts (see {@link CpuMeter}). */
    private final ScheduledExecutorService cpuSampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-cpu-sampler");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param cluster the cluster to query (databases, processes, mode)
     * @param options the report directory, the speed-up, whether the drill ran and how the apps called
     * @param out progress lines
     * @param clock the trip clock's zero (rides of this run are those requested since)
     * @param ledger what the apps were told
     * @param lags the replication lag histograms
     * @param drill the drill's results, RTO timing and steady-state lag
     */
    DemoReport(
            DemoCluster cluster,
            DemoRun.Options options,
            Consumer<String> out,
            ReplayClock clock,
            RideLedger ledger,
            LagReader lags,
            RegionDrill drill) {
        this.cluster = cluster;
        this.options = options;
        this.out = out;
        this.clock = clock;
        this.ledger = ledger;
        this.lags = lags;
        this.drill = drill;
        this.cpu = new CpuMeter(cluster::processes);
    }

    /** Starts sampling the cluster's CPU time (once the cluster runs); {@link #write} stops it. */
    /** The CPU seconds of the cluster's processes and this client so far (a sample now). */
    double cpuSecondsNow() {
        cpu.sample();
        return cpu.totalSeconds();
    }

    void startCpuSampling() {
        cpuSampler.scheduleWithFixedDelay(cpu::sample, 0, CPU_SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Rides of this run (requested since the trip clock's zero) by status in {@code region}; {@code UNREACHABLE}: 1
     * when its database does not answer.
     */
    Map<String, Long> statusCounts(Region region) {
        Map<String, Long> counts = new HashMap<>();
        long startMs = clock.startMs();
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
    private @Nullable Double steadyP99(String source, Region target, String direction) {
        List<double[]> steady = drill.steadyLag(direction);
        List<double[]> buckets = steady != null ? steady : lags.buckets(source, target);
        var p99 = LagReader.quantile(buckets, 0.99);
        return p99.isPresent() ? Math.round(p99.getAsDouble() * 10) / 10.0 : null;
    }

    /** p99 of the replication lag from {@code source} into {@code target}, in ms, or "-". */
    String lagP99(String source, Region target) {
        return lagPercentile(source, target, 0.99);
    }

    private String lagPercentile(String source, Region target, double q) {
        var v = lags.quantileMs(source, target, q);
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
    }

    /** Whether the {@code rides.rides} checksums of regions a and b match within {@code timeout} (checked each 1 s). */
    boolean awaitConvergence(Duration timeout) {
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
    long ackedRidesMissing() throws SQLException {
        long missing = 0;
        for (Region r : List.of(Region.of(1), Region.of(2))) {
            Set<String> present = new HashSet<>();
            try (Connection c = cluster.rootConnection(r);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM rides.rides")) {
                while (rs.next()) {
                    present.add(Long.toString(rs.getLong(1)));
                }
            }
            for (String id : ledger.ackedRideIds()) {
                if (!present.contains(id)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /**
     * Builds the report from the ledger, the drill, the clients' latencies, the lag and CPU figures and what the run
     * tells ({@code facts}), writes it as JSON to the report directory and answers it (with {@code report_file}). Stops
     * the CPU sampling.
     */
    Map<String, Object> write(ReplayPlan plan, Mobile mobile, RunFacts facts) throws Exception {
        Map<String, Long> statuses = statusCounts(Region.of(2));
        long completedRides = statuses.getOrDefault("COMPLETED", 0L);
        List<Long> etas = ledger.sortedPickupEtas();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("trips_planned", plan.trips().size());
        r.put("trips_requested", ledger.requested());
        r.put("rides_acked", ledger.ackedRides());
        r.put("acked_share", ledger.ackedShare());
        r.put("trips_matched", (long) ledger.matchedRides());
        r.put("trips_completed", completedRides);
        r.put(
                "trips_cancelled",
                statuses.getOrDefault("CANCELLED_BY_RIDER", 0L) + statuses.getOrDefault("CANCELLED_BY_DRIVER", 0L));
        r.put("trips_no_driver", statuses.getOrDefault("NO_DRIVER_AVAILABLE", 0L));
        // second rides of one request created by two regions around the drill, withdrawn by order-service
        r.put("duplicates_withdrawn", statuses.getOrDefault("CANCELLED_AS_DUPLICATE", 0L));
        r.put("match_rate", ledger.matchRate());
        r.put("pickup_eta_p50_s", etas.isEmpty() ? 0 : etas.get(etas.size() / 2));
        r.put("pickup_eta_p90_s", etas.isEmpty() ? 0 : etas.get((int) (etas.size() * 0.9)));
        r.put("quote_failures", ledger.quoteFailures());
        r.put("request_failures", ledger.requestFailures());
        r.put("failures_by_status", ledger.failuresByStatus());
        r.put("failure_details", ledger.failureDetails());
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
        Object gatewayRto = drill.results().get("gateway_rto_ms");
        long servedMs = drill.firstServedAfterKillMs();
        long killedMs = drill.killedAtMs();
        r.put(
                "rto_s",
                gatewayRto instanceof Long ms ? ms / 1000.0 : servedMs == 0 ? null : (servedMs - killedMs) / 1000.0);
        r.put("outage_seen_by_riders_s", servedMs == 0 ? null : (servedMs - killedMs) / 1000.0);
        r.put("via_gateway", options.viaGateway());
        r.put("rpo_writes", drill.results().get("rpo_writes"));
        r.put("rpo_window_ms", drill.results().get("rpo_window_ms"));
        // every RPO write must reach b once region a (its database and its Kafka cluster) is back
        r.put("recovered_after_failback", options.drillAt() < 0 ? null : drill.recoveredAfterFailback());
        r.put("drill", options.drillAt() < 0 ? "not run" : drill.results());
        r.put("acked_rides_lost", facts.ackedRidesLost());
        r.put("rides_left_open", facts.ridesLeftOpen());
        r.put("stopped_by", facts.stoppedBy());
        r.put("converged", facts.converged());
        r.put("skipped", plan.skipped());
        r.put("wall_seconds", Duration.between(facts.start(), Instant.now()).toSeconds());
        // the whole run: cluster start, JIT warm-up and drivers' log-in included (wall_seconds starts at the trip
        // clock)
        r.put(
                "run_wall_seconds",
                Duration.between(facts.runStart(), Instant.now()).toSeconds());
        cpuSampler.shutdownNow();
        cpu.sample();
        r.put("cpu_s_by_kind", cpu.secondsByKind());
        r.put("jit_cpu_s_by_kind", cpu.jitSecondsByKind());
        r.put("cpu_s_total", cpu.totalSeconds());
        // per ride: the run's CPU without the provisioning of accounts and sessions (reported on its own below)
        double rideCpuSeconds = cpu.totalSeconds() - facts.provisioningCpuSeconds();
        r.put(
                "cpu_ms_per_completed_ride",
                completedRides == 0 ? null : Math.round(rideCpuSeconds * 1000 / completedRides));
        AppAccounts.Provisioned provisioned = facts.provisioning();
        if (provisioned != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("accounts", provisioned.accounts());
            p.put("riders", provisioned.riders());
            p.put("drivers", provisioned.drivers());
            p.put("accounts_created", provisioned.created());
            p.put("sign_in_s", provisioned.signInSeconds());
            p.put("sign_in_ms_p50", provisioned.signInMsP50());
            p.put("sign_ins_failed", provisioned.failed());
            r.put("provisioning", p);
            r.put("provisioning_s", provisioned.seconds());
            r.put("provisioning_cpu_s", Math.round(facts.provisioningCpuSeconds() * 10) / 10.0);
        }
        r.put("cold_start", facts.coldStart());
        r.put("mode", cluster.mode());
        r.put("cluster_start_s", facts.clusterStartSeconds());
        r.put("aot_cache", facts.aotCache());
        r.put("speed", options.speed());
        Files.createDirectories(options.reportDir());
        Path file = options.reportDir().resolve("demo-report-" + System.currentTimeMillis() + ".json");
        Files.writeString(
                file,
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        r.put("report_file", file.toString());
        return r;
    }
}
