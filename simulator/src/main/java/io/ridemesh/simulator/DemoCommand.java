package io.ridemesh.simulator;

import io.ridemesh.infra.PlatformCli;
import io.ridemesh.infra.Progress;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.ServiceMode;
import io.ridemesh.simulator.demo.DemoCluster;
import io.ridemesh.simulator.demo.DemoRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./platform demo}: the trip replay on a 2-region playground, its table and its JSON line. */
@Command(
        name = "demo",
        description = "Replay real trips through the mobile API on a 2-region playground (NYC in a, Chicago in b)"
                + " and report; ends with one line of JSON and the report file's path.")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    PlatformCli parent;

    @Option(names = "--trips", arity = "1..*", description = "Trip files (default: both files in ../shared/data).")
    List<Path> trips;

    @Option(names = "--speed", defaultValue = "10", description = "Time compression (default ${DEFAULT-VALUE}x).")
    double speed;

    @Option(
            names = "--window-minutes",
            defaultValue = "60",
            description = "Replay window each file is mapped onto, trip minutes (default ${DEFAULT-VALUE}).")
    int windowMinutes;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description = "At most this many trips per file, an even sample (default all).")
    int limit;

    @Option(
            names = "--drill-at",
            defaultValue = "0.5",
            description =
                    "Kill region a at this fraction of the replay (negative: no drill; default ${DEFAULT-VALUE}).")
    double drillAt;

    @Option(
            names = "--outage-seconds",
            defaultValue = "30",
            description =
                    "How long region a stays down before it is restarted and failed back (default ${DEFAULT-VALUE}).")
    int outageSeconds;

    @Option(
            names = "--budget-minutes",
            defaultValue = "15",
            description = "Wall time of the whole run, cluster start to report; rides still open when it ends are"
                    + " reported as left open (0: no budget; default ${DEFAULT-VALUE}).")
    int budgetMinutes;

    @Option(
            names = "--mode",
            defaultValue = "region-node",
            description = "region-node: one JVM per region hosting its services; microservices: a process per"
                    + " service (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(
            names = "--direct",
            description = "Call the home region's services directly instead of the gateways (diagnostics).")
    boolean direct;

    @Option(
            names = "--no-aot-training",
            description = "Do not train the region nodes' AOT cache before the run when none matches the build"
                    + " (by default a short replay that is not reported trains it first, once per build).")
    boolean noAotTraining;

    @Option(
            names = "--wan-latency",
            defaultValue = "0ms",
            description = "One-way latency of the links between the regions (their WAN proxies), e.g. 30ms"
                    + " (default ${DEFAULT-VALUE}).")
    String wanLatency;

    /** The training replay: a sample of each file at a higher speed, no drill. */
    private static final int TRAINING_TRIPS_PER_FILE = 1500;

    private static final double TRAINING_SPEED = 40;
    private static final java.time.Duration TRAINING_BUDGET = java.time.Duration.ofMinutes(4);

    @Override
    public Integer call() throws Exception {
        Path repoRoot = parent.repo();
        List<Path> files = trips != null
                ? trips
                : List.of(
                        repoRoot.resolve("../shared/data/nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz"),
                        repoRoot.resolve("../shared/data/chicago_taxi_trips_tfx_sample.csv.gz"));
        Playground pg = parent.playground();
        ServiceMode serviceMode = ServiceMode.of(mode);
        Double trainingSeconds = null;
        if (serviceMode == ServiceMode.REGION_NODE
                && !noAotTraining
                && "training".equals(pg.aotCacheState())
                // on the playground's ports, so only while none of its processes runs
                && pg.processKinds().isEmpty()) {
            trainingSeconds = trainAotCache(pg, files);
        }
        var options = new DemoRun.Options(
                files,
                speed,
                java.time.Duration.ofMinutes(windowMinutes),
                limit,
                pg.home().resolve("demo"),
                drillAt,
                java.time.Duration.ofSeconds(outageSeconds),
                !direct,
                java.time.Duration.ofMinutes(budgetMinutes));
        var report = new DemoRun(
                        DemoCluster.of(pg, serviceMode, PlatformCli.duration("--wan-latency", wanLatency)),
                        options,
                        new Progress())
                .run();
        report.put("aot_training_s", trainingSeconds);
        report.put(
                "wan_latency_ms",
                PlatformCli.duration("--wan-latency", wanLatency).toMillis());
        printSummary(report);
        System.out.println(PlatformCli.JSON.writeValueAsString(report));
        System.out.println("report: " + report.get("report_file"));
        return 0;
    }

    /**
     * Trains the region nodes' AOT cache the way its first start would, but before the measured run: a short
     * replay through the gateways (an even sample of {@value #TRAINING_TRIPS_PER_FILE} trips per file at
     * {@value #TRAINING_SPEED}x, no drill, within {@code TRAINING_BUDGET}) on a playground of its own ({@code
     * aot-training} under the playground's home, same ports, so the user's data is never touched), then its {@code
     * down --wipe}, whose stop of region a's node writes the cache. A node that starts without a cache runs cold for its first minutes
     * (measured: acked share 0.64-0.89 in a run that trained, 0.93-0.96 in one that started from the cache).
     *
     * @return the wall seconds the training took
     */
    private static double trainAotCache(Playground pg, List<Path> files) throws Exception {
        System.err.println("no region-node AOT cache matches this build: training it first with a short replay"
                + " (once per build, about 5 minutes; --no-aot-training skips it) ...");
        long started = System.nanoTime();
        Playground training =
                Playground.create(pg.repo(), pg.home().resolve("aot-training"), pg.ports(), new Progress());
        training.down(true); // what an interrupted training left
        var options = new DemoRun.Options(
                files,
                TRAINING_SPEED,
                java.time.Duration.ofMinutes(60),
                TRAINING_TRIPS_PER_FILE,
                training.home().resolve("demo"),
                -1,
                java.time.Duration.ofSeconds(30),
                true,
                TRAINING_BUDGET);
        Progress progress = new Progress();
        new DemoRun(
                        DemoCluster.of(training, ServiceMode.REGION_NODE),
                        options,
                        line -> progress.accept(line.startsWith("\r") ? line : "training: " + line))
                .run();
        training.down(true);
        double seconds = (System.nanoTime() - started) / 1e9;
        if ("ready".equals(pg.aotCacheState())) {
            System.err.printf("AOT cache trained in %.0f s%n", seconds);
        } else {
            System.err.println("warning: the training run left no AOT cache (see "
                    + pg.home().resolve("logs") + "/a-region-node.log); the demo starts without one");
        }
        return seconds;
    }

    /** The demo report's headline figures as a table for people; the JSON line below it has everything. */
    private static void printSummary(java.util.Map<String, Object> report) {
        String[] keys = {
            "mode",
            "wan_latency_ms",
            "aot_cache",
            "aot_training_s",
            "cluster_start_s",
            "trips_requested",
            "rides_acked",
            "acked_share",
            "trips_completed",
            "match_rate",
            "rto_s",
            "rpo_writes",
            "recovered_after_failback",
            "acked_rides_lost",
            "converged",
            "rides_left_open",
            "stopped_by",
            "lag_p99_ms_steady",
            "cpu_s_total",
            "cpu_ms_per_completed_ride",
            "cpu_s_by_kind",
            "jit_cpu_s_by_kind",
            "run_wall_seconds"
        };
        System.out.println();
        for (String key : keys) {
            if (report.containsKey(key)) {
                System.out.printf("%-28s %s%n", key, report.get(key));
            }
        }
    }
}
