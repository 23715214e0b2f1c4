package io.ridemesh.benchmarks;

import io.ridemesh.infra.PlatformCli;
import io.ridemesh.infra.PlatformCommands;
import io.ridemesh.infra.Progress;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.PlatformException;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.infra.cluster.StandaloneRedis;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./platform bench ...}: each benchmark starts what it needs, prints a table and ends with one line of JSON.
 * Found by the launcher through {@link PlatformCommands} (this module's {@code META-INF/services} entry).
 */
public final class BenchCommands implements PlatformCommands {

    @Override
    public List<Object> commands() {
        return List.of(new Bench());
    }

    @Command(
            name = "bench",
            description = "Benchmarks that start what they need, print a table and end with one line of JSON.",
            subcommands = {
                BenchCommands.BenchReplication.class,
                BenchCommands.BenchOrders.class,
                BenchCommands.BenchCalls.class,
                BenchCommands.BenchLocations.class,
                BenchCommands.BenchMatching.class
            })
    public static final class Bench implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }

        /** {@link PlatformCli#onOwnPlayground} from this command's repository. */
        int onOwnPlayground(String dir, int base, boolean keep, PlatformCli.BenchBody body) throws Exception {
            return PlatformCli.onOwnPlayground(parent.repo(), dir, base, keep, body);
        }
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
                    "bench-replication", 11000, keep, (pg, progress) -> new ReplicationBench(pg, System.out::println)
                            .run(rates, seconds, warmup, backlog, PlatformCli.duration("--wan-latency", wanLatency)));
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
                    "bench-orders", 15000, keep, (pg, progress) -> new OrdersBench(pg, System.out::println)
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
                    "bench-calls", 13000, keep, (pg, progress) -> new CallsBench(pg, System.out::println)
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
            return bench.onOwnPlayground("bench-locations", 17000, keep, (pg, progress) -> new LocationsBench(
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
        // by name: the class needs dispatch-service's classes, which only the child JVM has
        private static final String MAIN = "io.ridemesh.benchmarks.matching.MatchingBench";

        /** The jar (or classes directory) a class was loaded from. */
        private static String codeSource(Class<?> type) throws java.net.URISyntaxException {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        }

        @ParentCommand
        Bench bench;

        @Option(
                names = "--repeat",
                defaultValue = "20",
                description = "Timed windows per size, each on fresh drivers and rides (default ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            Path repoRoot = bench.parent.repo();
            Playground pg = Playground.create(
                    repoRoot, repoRoot.resolve(".platform/bench-matching"), new PortPlan(17000), new Progress());
            Path jar = pg.serviceJar(ComponentKind.DISPATCH_SERVICE);
            // the benchmark runs on dispatch-service's own classes: its executable jar, with this module's jar and
            // picocli (the benchmark's options) added by the Spring Boot loader
            String extra = codeSource(BenchCommands.class) + "," + codeSource(CommandLine.class);
            int port = pg.ports().port(Region.of(1), ComponentKind.REDIS);
            try (var redis = StandaloneRedis.start(pg.home(), port)) {
                Process child = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx1g",
                                "-cp",
                                jar.toString(),
                                "-Dloader.path=" + extra,
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
}
