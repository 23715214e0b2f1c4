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
import java.util.ServiceLoader;
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
            PlatformCli.RotateKeys.class,
            PlatformCli.Pricing.class
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

    /** The repository root this invocation runs from ({@code --repo}, set by {@code ./platform}), absolute. */
    public Path repo() {
        return repo.toAbsolutePath().normalize();
    }

    /** The playground this invocation operates on. */
    public Playground playground() {
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
        for (PlatformCommands module : ServiceLoader.load(PlatformCommands.class)) {
            module.commands().forEach(cli::addSubcommand);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
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

    /** One-line JSON, as measuring commands print their last line. */
    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

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

    @Command(
            name = "rotate-keys",
            description = "Rotate every region's token signing key without downtime: the new key is published now and"
                    + " signs after --publish-ahead; the old one stays published until its last token expired.")
    static final class RotateKeys implements Callable<Integer> {
        @ParentCommand
        PlatformCli parent;

        @Option(
                names = "--publish-ahead",
                description = "How long the new key is published before it signs, in s (default ${DEFAULT-VALUE}:"
                        + " longer than the services cache a key set, 5 min).",
                defaultValue = "360s")
        String publishAhead;

        @Override
        public Integer call() throws Exception {
            List<io.ridemesh.infra.cluster.IdentityKeys.Rotation> rotations =
                    parent.playground().rotateKeys(duration("--publish-ahead", publishAhead));
            System.out.printf(
                    "%-7s %-22s %-21s %-30s %s%n", "REGION", "NEW KEY", "SIGNS FROM", "RETIRING", "PUBLISHED UNTIL");
            for (var r : rotations) {
                System.out.printf(
                        "%-7s %-22s %-21s %-30s %s%n",
                        r.region(),
                        r.newKeyId(),
                        r.signsFrom().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        String.join(",", r.retiringKeyIds()),
                        r.retiringPublishedUntil().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put(
                    "rotated",
                    rotations.stream()
                            .map(r -> {
                                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                                m.put("region", r.region());
                                m.put("new_kid", r.newKeyId());
                                m.put("signs_from_ms", r.signsFrom().toEpochMilli());
                                m.put("retiring_kids", r.retiringKeyIds());
                                m.put(
                                        "retiring_published_until_ms",
                                        r.retiringPublishedUntil().toEpochMilli());
                                m.put("dropped_kids", r.droppedKeyIds());
                                return m;
                            })
                            .toList());
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }

    /**
     * A duration as the CLI takes it: a whole number with {@code ms} or {@code s}, e.g. {@code 30ms}, {@code 2s},
     * {@code 0}.
     *
     * @throws IllegalArgumentException naming {@code option} if {@code text} is not one
     */
    public static java.time.Duration duration(String option, String text) {
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

    /**
     * The frame of a measuring command on a playground of its own: creates it under {@code .platform/<dir>} at port
     * {@code base}, runs {@code body}, prints its result as the last line (one line of JSON), and tears the playground
     * down unless {@code keep}.
     *
     * @return the exit code, 0
     * @throws Exception whatever {@code body} throws (the playground is torn down all the same)
     */
    public static int onOwnPlayground(Path repo, String dir, int base, boolean keep, BenchBody body) throws Exception {
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

    /** A benchmark run on its own playground; answers what its JSON line holds. */
    @FunctionalInterface
    public interface BenchBody {
        Object run(Playground playground, Progress progress) throws Exception;
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
}
