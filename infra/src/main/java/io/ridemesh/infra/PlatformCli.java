package io.ridemesh.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ridemesh.infra.cluster.ComponentStatus;
import io.ridemesh.infra.cluster.PlatformException;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.ServiceMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./platform}: the one command-line entry point (up, down, status, demo, bench, ...).
 * Commands that measure end with one line of JSON; humans get a table above it.
 */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        version = "ridemesh 0.1.0",
        description = "Local multi-region ride-sharing playground: start, inspect, stop, demo, benchmark.",
        subcommands = {
            PlatformCli.Up.class,
            PlatformCli.Status.class,
            PlatformCli.Down.class,
            PlatformCli.Fault.class,
            PlatformCli.Chaos.class,
            PlatformCli.Demo.class,
            PlatformCli.Bench.class,
            PlatformCli.Pricing.class,
            CommandLine.HelpCommand.class
        })
public final class PlatformCli implements Callable<Integer> {

    @Option(names = "--repo", description = "Repository root (set by ./platform).", defaultValue = ".")
    Path repo;

    @Option(names = "--home", description = "State directory (default: <repo>/.platform).")
    Path home;

    @Option(
            names = "--base-port",
            description = "Base of the port plan (default ${DEFAULT-VALUE}); see README.",
            defaultValue = "" + PortPlan.DEFAULT_BASE)
    int basePort;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The playground this invocation operates on. */
    Playground playground() {
        Path root = repo.toAbsolutePath().normalize();
        return Playground.create(
                root, home != null ? home : root.resolve(".platform"), new PortPlan(basePort), new Progress());
    }

    public static void main(String[] args) {
        // the demo's simulated apps report failed calls in its report; Reactor Netty's per-connection warnings
        // would flood the progress line
        quietLogger("reactor.netty", "error");
        // a bench's Kafka admin client prints its whole configuration, and Flyway every migration, at INFO: the
        // table and the JSON line are what a reader wants; warnings still show
        quietLogger("org.apache.kafka", "warn");
        quietLogger("org.flywaydb", "warn");
        System.exit(run(args));
    }

    /** Sets an slf4j-simple logger's level unless the user set it ({@code -Dorg.slf4j.simpleLogger.log.NAME}). */
    private static void quietLogger(String name, String level) {
        String property = "org.slf4j.simpleLogger.log." + name;
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /** Runs the CLI and answers the exit code (usable from tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new PlatformCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PlatformException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static void printTable(List<ComponentStatus> rows) {
        System.out.printf("%-7s %-17s %6s %8s %-8s %s%n", "REGION", "KIND", "PORT", "PID", "HEALTHY", "DETAIL");
        for (ComponentStatus r : rows) {
            System.out.printf(
                    "%-7s %-17s %6d %8s %-8s %s%n",
                    r.region(),
                    r.kind(),
                    r.port(),
                    r.pid() < 0 ? "-" : Long.toString(r.pid()),
                    r.healthy() ? "yes" : "NO",
                    abbreviate(r.detail()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Command(
            name = "up",
            description = "Start (what is missing of) a local multi-region playground and wait until healthy.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Option(
                names = "--regions",
                defaultValue = "2",
                description = "Number of regions, 1..8 (default ${DEFAULT-VALUE}).")
        int regions;

        @Option(names = "--infra-only", description = "Only MariaDB, Redis and Kafka; no services.")
        boolean infraOnly;

        @Option(
                names = "--mode",
                defaultValue = "region-node",
                description = "region-node: one JVM per region hosting its services; microservices: a process per"
                        + " service (default ${DEFAULT-VALUE}).")
        String mode;

        @Option(
                names = "--wan-latency",
                defaultValue = "0ms",
                description = "One-way latency the WAN proxies add to every cross-region connection, e.g. 30ms, with"
                        + " a tenth of it as jitter (default ${DEFAULT-VALUE}).")
        String wanLatency;

        @Override
        public Integer call() {
            List<ComponentStatus> rows = parent.playground()
                    .up(regions, infraOnly, ServiceMode.of(mode), duration("--wan-latency", wanLatency));
            printTable(rows);
            return rows.stream().allMatch(ComponentStatus::healthy) ? 0 : 1;
        }
    }

    /** The demo report's headline figures as a table for people; the JSON line below it has everything. */
    static void printSummary(java.util.Map<String, Object> report) {
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
            "run_wall_seconds"
        };
        System.out.println();
        for (String key : keys) {
            if (report.containsKey(key)) {
                System.out.printf("%-28s %s%n", key, report.get(key));
            }
        }
    }

    @Command(name = "status", description = "Every component with region, kind, port, pid and health.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Option(names = "--json", description = "A JSON array (stable interface for scripts).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<ComponentStatus> rows = parent.playground().status();
            if (json) {
                System.out.println(JSON.writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                System.out.println("no playground: run ./platform up");
            } else {
                printTable(rows);
            }
            return 0;
        }
    }

    /**
     * A duration as the CLI takes it: a whole number with {@code ms} or {@code s}, e.g. {@code 30ms}, {@code 2s},
     * {@code 0}.
     *
     * @throws IllegalArgumentException naming {@code option} if {@code text} is not one
     */
    static java.time.Duration duration(String option, String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,7})(ms|s)?").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " must be a whole number of ms or s (e.g. 30ms), but was '" + text + "'");
        }
        long value = Long.parseLong(m.group(1));
        return "s".equals(m.group(2)) ? java.time.Duration.ofSeconds(value) : java.time.Duration.ofMillis(value);
    }

    @Command(
            name = "fault",
            description = "Break and mend the links between regions of a running playground (its WAN proxies).",
            subcommands = {PlatformCli.FaultPartition.class, PlatformCli.FaultHeal.class, PlatformCli.FaultStatus.class
            })
    static final class Fault implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(
            name = "partition",
            description = "Cut every connection between two regions, both ways, for --seconds; it heals by itself.")
    static final class FaultPartition implements Callable<Integer> {
        @ParentCommand
        Fault fault;

        @CommandLine.Parameters(index = "0", description = "One region (a, b, ...).")
        String first;

        @CommandLine.Parameters(index = "1", description = "The other region.")
        String second;

        @Option(names = "--seconds", defaultValue = "60", description = "How long (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() {
            io.ridemesh.infra.cluster.Region x = io.ridemesh.infra.cluster.Region.named(first);
            io.ridemesh.infra.cluster.Region y = io.ridemesh.infra.cluster.Region.named(second);
            fault.parent.playground().partition(x, y, java.time.Duration.ofSeconds(seconds));
            System.out.printf(
                    "regions %s and %s partitioned for %d s (until %s); `./platform fault heal` ends it sooner%n",
                    x.name(), y.name(), seconds, java.time.Instant.now().plusSeconds(seconds));
            return 0;
        }
    }

    @Command(name = "heal", description = "End every partition at once.")
    static final class FaultHeal implements Callable<Integer> {
        @ParentCommand
        Fault fault;

        @Override
        public Integer call() {
            fault.parent.playground().heal();
            System.out.println("every cross-region link healed");
            return 0;
        }
    }

    @Command(name = "status", description = "Every WAN proxy's links: peer, kind, ports, connections, partition.")
    static final class FaultStatus implements Callable<Integer> {
        @ParentCommand
        Fault fault;

        @Override
        public Integer call() throws Exception {
            for (String answer : fault.parent.playground().wanLinks()) {
                com.fasterxml.jackson.databind.JsonNode proxy = JSON.readTree(answer);
                System.out.printf(
                        "region %s (latency %d ms, jitter %d ms)%n",
                        proxy.path("region").asText(),
                        proxy.path("latencyMs").asLong(),
                        proxy.path("jitterMs").asLong());
                for (com.fasterxml.jackson.databind.JsonNode link : proxy.path("links")) {
                    System.out.printf(
                            "  -> %s %-17s %6d -> %6d  %3d connections  %s%n",
                            link.path("peer").asText(),
                            link.path("kind").asText(),
                            link.path("listen").asInt(),
                            link.path("connect").asInt(),
                            link.path("connections").asInt(),
                            link.path("partitionedUntilMs").isNull()
                                    ? "open"
                                    : "PARTITIONED until "
                                            + java.time.Instant.ofEpochMilli(link.path("partitionedUntilMs")
                                                    .asLong()));
                }
            }
            return 0;
        }
    }

    @Command(name = "down", description = "Stop exactly what `up` started; keep data unless --wipe.")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Option(names = "--wipe", description = "Also delete data, logs and pid files.")
        boolean wipe;

        @Override
        public Integer call() {
            parent.playground().down(wipe);
            return 0;
        }
    }

    @Command(
            name = "bench",
            description = "Benchmarks that start what they need, print a table and end with one line of JSON.",
            subcommands = {
                PlatformCli.BenchReplication.class,
                PlatformCli.BenchOrders.class,
                PlatformCli.BenchCalls.class,
                PlatformCli.BenchLocations.class,
                PlatformCli.BenchMatching.class
            })
    static final class Bench implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }

        /** {@link PlatformCli#onOwnPlayground} from this command's repository. */
        int onOwnPlayground(String dir, int base, boolean keep, BenchBody body) throws Exception {
            return PlatformCli.onOwnPlayground(parent.repo, dir, base, keep, body);
        }
    }

    /**
     * The frame of a measuring command on a playground of its own: creates it under {@code .platform/<dir>} at port
     * {@code base}, runs {@code body}, prints its result as the last line (one line of JSON), and tears the playground
     * down unless {@code keep}.
     *
     * @return the exit code, 0
     * @throws Exception whatever {@code body} throws (the playground is torn down all the same)
     */
    static int onOwnPlayground(Path repo, String dir, int base, boolean keep, BenchBody body) throws Exception {
        Path repoRoot = repo.toAbsolutePath().normalize();
        Progress progress = new Progress();
        Playground pg = Playground.create(repoRoot, repoRoot.resolve(".platform/" + dir), new PortPlan(base), progress);
        // What an earlier run left up with --keep would be reused as it is (start is idempotent): old jars,
        // JIT-warm JVMs and old rows. Every run measures fresh processes of the current build.
        pg.down(true);
        try {
            System.out.println(JSON.writeValueAsString(body.run(pg, progress)));
            return 0;
        } finally {
            if (!keep) {
                pg.down(true);
            }
        }
    }

    @Command(
            name = "chaos",
            description = "Concurrent writes in every region while sync-sinks are killed, Kafkas restarted, regions"
                    + " partitioned and clocks stepped; then convergence, acknowledged writes, conflicts and loops"
                    + " are checked.")
    static final class Chaos implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Option(names = "--regions", defaultValue = "3", description = "Regions, 2..8 (default ${DEFAULT-VALUE}).")
        int regions;

        @Option(names = "--minutes", defaultValue = "10", description = "Minutes of writes (default ${DEFAULT-VALUE}).")
        int minutes;

        @Option(
                names = "--rate",
                defaultValue = "20",
                description = "Writes per second in each region (default ${DEFAULT-VALUE}).")
        double rate;

        @Option(
                names = "--fault-every",
                defaultValue = "20s",
                description = "Mean time between faults (default ${DEFAULT-VALUE}).")
        String faultEvery;

        @Option(
                names = "--partition",
                defaultValue = "90s",
                description = "Longest partition (default ${DEFAULT-VALUE}).")
        String partition;

        @Option(names = "--seed", description = "Seed of the random choices (default: the time).")
        Long seed;

        @Option(names = "--keep", description = "Keep the chaos playground running afterwards.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            io.ridemesh.infra.chaos.ChaosRun.Options options = new io.ridemesh.infra.chaos.ChaosRun.Options(
                    regions,
                    java.time.Duration.ofMinutes(minutes),
                    rate,
                    duration("--fault-every", faultEvery),
                    duration("--partition", partition),
                    seed != null ? seed : System.currentTimeMillis());
            java.util.concurrent.atomic.AtomicReference<java.util.Map<String, Object>> report =
                    new java.util.concurrent.atomic.AtomicReference<>();
            onOwnPlayground(parent.repo, "chaos", 23000, keep, (pg, progress) -> {
                report.set(new io.ridemesh.infra.chaos.ChaosRun(pg, options, System.out::println).run());
                return report.get();
            });
            java.util.Map<String, Object> r = report.get();
            boolean held = Boolean.TRUE.equals(r.get("converged"))
                    && ((Number) r.get("acked_lost")).longValue() == 0
                    && ((Number) r.get("loops")).longValue() == 0;
            return held ? 0 : 1;
        }
    }

    /** A benchmark run on its own playground; answers what its JSON line holds. */
    @FunctionalInterface
    interface BenchBody {
        Object run(Playground playground, Progress progress) throws Exception;
    }

    @Command(
            name = "replication",
            description = "Region a -> b lag of sync-sink vs native MariaDB replication, and the highest apply rate.")
    static final class BenchReplication implements Callable<Integer> {
        @ParentCommand
        Bench bench;

        @Option(names = "--rate", split = ",", description = "Rows/s to measure (default 1000,5000).")
        List<Integer> rates = List.of(1000, 5000);

        @Option(
                names = "--seconds",
                defaultValue = "20",
                description = "Measured seconds per rate (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(
                names = "--warmup",
                defaultValue = "60",
                description =
                        "Unmeasured seconds of load at each rate before measuring it, while the JVMs compile (default"
                                + " ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--backlog", defaultValue = "100000", description = "Rows of the apply-throughput backlog.")
        int backlog;

        @Option(
                names = "--wan-latency",
                defaultValue = "0ms",
                description = "One-way latency of the WAN between the regions (and the native pair), e.g. 30ms"
                        + " (default ${DEFAULT-VALUE}).")
        String wanLatency;

        @Option(names = "--keep", description = "Keep the benchmark playground running afterwards.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            return bench.onOwnPlayground(
                    "bench-replication", 11000, keep, (pg, progress) -> new io.ridemesh.infra.bench.ReplicationBench(
                                    pg, System.out::println)
                            .run(rates, seconds, warmup, backlog, duration("--wan-latency", wanLatency)));
        }
    }

    @Command(
            name = "orders",
            description = "Open-loop POST /v1/rides load against one region's order-service: latency and errors.")
    static final class BenchOrders implements Callable<Integer> {
        @ParentCommand
        Bench bench;

        @Option(names = "--rate", defaultValue = "200", description = "Requests per second (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(
                names = "--warmup",
                defaultValue = "30",
                description = "Unmeasured seconds at the same rate first, while the JVMs compile (default"
                        + " ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--keep", description = "Keep the benchmark playground running afterwards.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            return bench.onOwnPlayground(
                    "bench-orders", 15000, keep, (pg, progress) -> new io.ridemesh.infra.bench.OrdersBench(
                                    pg, System.out::println)
                            .run(rate, seconds, warmup));
        }
    }

    @Command(
            name = "calls",
            description = "CPU microseconds one warm call costs each service process and the gateway (proxied vs"
                    + " direct), open loop; own 1-region playground (a process per service) on base 13000. Ends with"
                    + " one line of JSON.")
    static final class BenchCalls implements Callable<Integer> {
        @ParentCommand
        Bench bench;

        @Option(names = "--rate", defaultValue = "200", description = "Calls per second (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(
                names = "--seconds",
                defaultValue = "20",
                description = "Measured seconds per call kind (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(
                names = "--warmup",
                defaultValue = "30",
                description = "Unmeasured seconds per call kind at the same rate first (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--keep", description = "Keep the benchmark playground running afterwards.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            return bench.onOwnPlayground(
                    "bench-calls", 13000, keep, (pg, progress) -> new io.ridemesh.infra.bench.CallsBench(
                                    pg, System.out::println)
                            .run(rate, seconds, warmup));
        }
    }

    @Command(
            name = "locations",
            description = "Location fixes/s through dispatch-service's REST API (batches, concurrent clients) vs raw"
                    + " pipelined GEOADD on the same Redis; own playground on base 17000. Ends with one line of JSON.")
    static final class BenchLocations implements Callable<Integer> {
        @ParentCommand
        Bench bench;

        @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--drivers", defaultValue = "2000", description = "Drivers online (default ${DEFAULT-VALUE}).")
        int drivers;

        @Option(
                names = "--batch",
                defaultValue = "50",
                description = "Fixes per request, 1..500 (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(
                names = "--clients",
                defaultValue = "64",
                description = "Concurrent closed-loop clients (default ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--keep", description = "Keep the benchmark playground running afterwards.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            return bench.onOwnPlayground(
                    "bench-locations", 17000, keep, (pg, progress) -> new io.ridemesh.infra.bench.LocationsBench(
                                    pg, System.out::println, progress)
                            .run(seconds, drivers, batch, clients));
        }
    }

    @Command(
            name = "matching",
            description = "Time of one matching window (MatchWindow: Redis reads, cost matrix, OR-Tools, offers) of"
                    + " 300 rides x 300 drivers (goal <= 50 ms) and of 2000 x 2000, NYC, on a redis-server of its own"
                    + " (port 18379); p50 and max over --repeat windows. Ends with one line of JSON.")
    static final class BenchMatching implements Callable<Integer> {
        private static final String MAIN = "io.ridemesh.dispatch.bench.MatchingBench";

        @ParentCommand
        Bench bench;

        @Option(
                names = "--repeat",
                defaultValue = "20",
                description = "Timed windows per size, each on fresh drivers and rides (default ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            Path repoRoot = bench.parent.repo.toAbsolutePath().normalize();
            Playground pg = Playground.create(
                    repoRoot, repoRoot.resolve(".platform/bench-matching"), new PortPlan(17000), new Progress());
            Path jar = pg.serviceJar(io.ridemesh.infra.cluster.ComponentKind.DISPATCH_SERVICE);
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                if (zip.getEntry("BOOT-INF/classes/" + MAIN.replace('.', '/') + ".class") == null) {
                    throw new PlatformException(jar + " predates the matching benchmark; rebuild it: mvn -B -q"
                            + " -DskipTests package -pl dispatch-service -am");
                }
            }
            int port = pg.ports()
                    .port(io.ridemesh.infra.cluster.Region.of(1), io.ridemesh.infra.cluster.ComponentKind.REDIS);
            try (var redis = io.ridemesh.infra.cluster.StandaloneRedis.start(pg.home(), port)) {
                Process child = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx1g",
                                "-cp",
                                jar.toString(),
                                "-Dloader.main=" + MAIN,
                                "org.springframework.boot.loader.launch.PropertiesLauncher",
                                "--redis-port",
                                Integer.toString(redis.port()),
                                "--repeat",
                                Integer.toString(repeat))
                        .inheritIO()
                        .start();
                if (!child.waitFor(30, java.util.concurrent.TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                    throw new PlatformException("the matching benchmark did not finish in 30 minutes");
                }
                return child.exitValue();
            }
        }
    }

    @Command(
            name = "pricing",
            description = "Pricing tools.",
            subcommands = {PlatformCli.PricingAccuracy.class})
    static final class Pricing implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(
            name = "accuracy",
            description = "Quoted no-surge fare and duration against real trips, per city (MdAPE, share within"
                    + " +-20%); ends with one line of JSON. Takes NYC TLC, Chicago or canonical trip files.")
    static final class PricingAccuracy implements Callable<Integer> {
        @ParentCommand
        Pricing pricing;

        @Option(names = "--trips", arity = "1..*", required = true, description = "Trip files (.csv or .csv.gz).")
        List<Path> trips;

        @CommandLine.Unmatched
        List<String> passThrough = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path jar = pricing.parent.playground().serviceJar(io.ridemesh.infra.cluster.ComponentKind.PRICING_SERVICE);
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    jar.toString(),
                    "-Dloader.main=io.ridemesh.pricing.accuracy.AccuracyReport",
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--trips"));
            for (Path t : trips) {
                command.add(t.toAbsolutePath().toString());
            }
            command.addAll(passThrough);
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }

    @Command(
            name = "demo",
            description = "Replay real trips through the mobile API on a 2-region playground (NYC in a, Chicago in b)"
                    + " and report; ends with one line of JSON and the report file's path.")
    static final class Demo implements Callable<Integer> {
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
            Path repoRoot = parent.repo.toAbsolutePath().normalize();
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
            var options = new io.ridemesh.infra.demo.DemoRun.Options(
                    files,
                    speed,
                    java.time.Duration.ofMinutes(windowMinutes),
                    limit,
                    pg.home().resolve("demo"),
                    drillAt,
                    java.time.Duration.ofSeconds(outageSeconds),
                    !direct,
                    java.time.Duration.ofMinutes(budgetMinutes));
            var report = new io.ridemesh.infra.demo.DemoRun(
                            io.ridemesh.infra.demo.DemoCluster.of(
                                    pg, serviceMode, duration("--wan-latency", wanLatency)),
                            options,
                            new Progress())
                    .run();
            report.put("aot_training_s", trainingSeconds);
            report.put("wan_latency_ms", duration("--wan-latency", wanLatency).toMillis());
            printSummary(report);
            System.out.println(JSON.writeValueAsString(report));
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
            var options = new io.ridemesh.infra.demo.DemoRun.Options(
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
            new io.ridemesh.infra.demo.DemoRun(
                            io.ridemesh.infra.demo.DemoCluster.of(training, ServiceMode.REGION_NODE),
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
    }
}
