package io.ridemesh.infra.cluster;

import io.ridemesh.infra.client.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * A local multi-region playground: per region a MariaDB server (ROW binlog, FULL row image, GTID,
 * own server id and GTID domain), a Redis server and a Kafka cluster (one KRaft broker, own JVM; no process is
 * shared by two regions), and
 * unless infra-only every service of every region: in one region node per region ({@link ServiceMode#REGION_NODE},
 * the default) or as a process per service ({@link ServiceMode#MICROSERVICES}).
 *
 * <p>The Java API behind {@code ./platform up|status|down}; tests drive it directly. State lives
 * under {@code home} (normally {@code .platform/} in the repository): data directories, pid files,
 * logs and generated credentials, so the launcher may exit and a later call finds the same
 * processes. {@link #up} is idempotent: running components are kept, missing ones started.
 *
 * <p>Thread-safety: not thread-safe; one launcher operates on a home at a time.
 */
public final class Playground {

    /**
     * How long the services may take to become healthy: a deadline, not a wait. Twelve JVMs starting at once on two
     * cores (microservices mode) once needed more than 240 s for dispatch-service in a CI rehearsal (session 15; the
     * same code started in time in the rehearsal before).
     */
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(360);

    private static final Duration INFRA_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A region node's stop: its contexts close, and a node training the AOT cache assembles it before it exits. */
    private static final Duration NODE_STOP_GRACE = Duration.ofSeconds(180);

    private final Path repo;
    private final Path home;
    private final PortPlan ports;
    private final Processes processes;
    private final Consumer<String> progress;
    private Credentials credentials;

    private Playground(Path repo, Path home, PortPlan ports, Consumer<String> progress) {
        this.repo = repo.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.ports = ports;
        this.processes = new Processes(this.home.resolve("run"), this.home.resolve("logs"));
        this.progress = progress;
    }

    /**
     * A playground whose state lives in {@code home}.
     *
     * @param repo the repository root (service jars and migrations are found from it)
     * @param home the state directory, e.g. {@code repo/.platform}
     * @param ports the port plan
     * @param progress receives human-readable progress lines (may be a no-op)
     */
    public static Playground create(Path repo, Path home, PortPlan ports, Consumer<String> progress) {
        return new Playground(repo, home, ports, progress);
    }

    public PortPlan ports() {
        return ports;
    }

    public Path home() {
        return home;
    }

    public Path repo() {
        return repo;
    }

    /** Generated passwords and keys of this playground (created on first use). */
    public Credentials credentials() {
        if (credentials == null) {
            credentials = Credentials.loadOrCreate(home.resolve("credentials.properties"));
        }
        return credentials;
    }

    /** The regions of the running (or last started) playground; empty if never started. */
    public List<Region> regions() {
        Properties cluster = readCluster();
        int n = Integer.parseInt(cluster.getProperty("regions", "0"));
        List<Region> regions = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            regions.add(Region.of(i));
        }
        return regions;
    }

    /**
     * How the last {@code up} ran the services: {@link ServiceMode#MICROSERVICES} for a playground started before
     * region nodes existed.
     */
    public ServiceMode mode() {
        return ServiceMode.of(readCluster().getProperty("mode", ServiceMode.MICROSERVICES.id()));
    }

    /** True if the last {@code up} started the services too. */
    public boolean servicesEnabled() {
        return !Boolean.parseBoolean(readCluster().getProperty("infraOnly", "true"));
    }

    /**
     * Starts what is missing of an {@code regionCount}-region playground and waits until every
     * component is healthy.
     *
     * @throws IllegalArgumentException if {@code regionCount} is not in 1..{@value Region#MAX_REGIONS}
     * @throws PortTaken if a port of the plan is used by a process the playground did not start
     * @throws PlatformException if a component cannot start or does not become healthy in time
     * @return the status of every component after start
     */
    public List<ComponentStatus> up(int regionCount, boolean infraOnly) {
        return up(regionCount, infraOnly, ServiceMode.REGION_NODE);
    }

    /**
     * Starts what is missing of an {@code regionCount}-region playground, its services (unless {@code infraOnly}) run
     * the {@code mode} way, and waits until every component is healthy.
     *
     * @throws IllegalArgumentException if {@code regionCount} is not in 1..{@value Region#MAX_REGIONS}
     * @throws PortTaken if a port of the plan is used by a process the playground did not start
     * @throws PlatformException if a component cannot start or does not become healthy in time, or if services run
     *     in the other mode
     * @return the status of every component after start
     */
    public List<ComponentStatus> up(int regionCount, boolean infraOnly, ServiceMode mode) {
        return up(regionCount, infraOnly, mode, Duration.ZERO);
    }

    /**
     * Starts what is missing of an {@code regionCount}-region playground whose cross-region links add
     * {@code wanLatency} one way (with a tenth of it as jitter), its services (unless {@code infraOnly}) run the
     * {@code mode} way, and waits until every component is healthy.
     *
     * @throws IllegalArgumentException if {@code regionCount} is not in 1..{@value Region#MAX_REGIONS} or
     *     {@code wanLatency} is negative or above {@value #MAX_WAN_LATENCY_MS} ms
     * @throws PortTaken if a port of the plan is used by a process the playground did not start
     * @throws PlatformException if a component cannot start or does not become healthy in time, or if services run
     *     in the other mode, or the WAN proxies run with another latency
     * @return the status of every component after start
     */
    public List<ComponentStatus> up(int regionCount, boolean infraOnly, ServiceMode mode, Duration wanLatency) {
        if (wanLatency.isNegative() || wanLatency.toMillis() > MAX_WAN_LATENCY_MS) {
            throw new IllegalArgumentException("--wan-latency must be in 0.." + MAX_WAN_LATENCY_MS + " ms, but was "
                    + wanLatency.toMillis() + " ms");
        }
        if (regionCount < 1 || regionCount > Region.MAX_REGIONS) {
            throw new IllegalArgumentException(
                    "--regions must be in 1.." + Region.MAX_REGIONS + ", but was " + regionCount);
        }
        List<Region> running = regions();
        if (!running.isEmpty() && running.size() != regionCount && anyAlive()) {
            throw new PlatformException("a playground with " + running.size() + " regions is running in " + home
                    + "; run `./platform down` before starting one with " + regionCount);
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 1; i <= regionCount; i++) {
            regions.add(Region.of(i));
        }
        if (!running.isEmpty() && servicesEnabled() && mode() != mode && anyAlive()) {
            throw new PlatformException("the services of the playground in " + home + " run in " + mode().id()
                    + " mode; run `./platform down` before starting them in " + mode.id() + " mode");
        }
        if (!running.isEmpty() && wanLatencyMs() != wanLatency.toMillis() && anyAlive()) {
            throw new PlatformException("the playground in " + home + " runs with a WAN latency of " + wanLatencyMs()
                    + " ms; run `./platform down` before starting it with " + wanLatency.toMillis() + " ms");
        }
        checkPorts(regions, infraOnly);
        writeCluster(regionCount, infraOnly, mode, wanLatency.toMillis());
        Instant start = Instant.now();

        for (Region region : regions) {
            startKafka(region);
            startMariaDb(region);
            startRedis(region);
            startWanProxy(region);
        }
        awaitHealthy(infraComponents(regions), INFRA_START_TIMEOUT);
        for (Region region : regions) {
            provision(region);
            migrate(region);
        }
        progress.accept(String.format("infrastructure of %d region(s) healthy in %.1f s", regionCount, seconds(start)));
        if (!infraOnly) {
            new ServiceLauncher(this).ensureBuilt(mode);
            for (Region region : regions) {
                startServices(region, regions);
            }
            awaitHealthy(allComponents(regions, false), SERVICE_START_TIMEOUT);
            progress.accept(
                    String.format("all services of %d region(s) healthy in %.1f s", regionCount, seconds(start)));
        }
        return status();
    }

    /** Status of every component of the playground, healthy or not. */
    public List<ComponentStatus> status() {
        List<Region> regions = regions();
        if (regions.isEmpty()) {
            return List.of();
        }
        List<ComponentStatus> rows = new ArrayList<>();
        for (Component c : allComponents(regions, !servicesEnabled())) {
            rows.add(c.status());
        }
        return rows;
    }

    /**
     * The live processes of the playground, pid to kind: a component kind's id ({@code mariadb}, {@code kafka},
     * {@code order-service}, ...) or {@code region-node}. Reads pid files only (no health probes).
     */
    public Map<Long, String> processKinds() {
        Map<Long, String> kinds = new LinkedHashMap<>();
        for (Component c : allComponents(regions(), !servicesEnabled())) {
            String process = c.processName();
            processes
                    .find(process)
                    .ifPresent(p ->
                            kinds.put(p.pid(), process.equals(c.name()) ? c.kind.id() : ServiceMode.REGION_NODE.id()));
        }
        return kinds;
    }

    /**
     * Stops every component this playground started (services first, Kafka last) and, with
     * {@code wipe}, deletes its data. Components that are already down are skipped.
     */
    public void down(boolean wipe) {
        List<Region> regions = regions();
        List<Component> components = allComponents(regions, false);
        // services before the stores they write to; the broker last so sync-sink can flush
        for (int tier = 0; tier < 3; tier++) {
            final int t = tier;
            List<String> names = components.stream()
                    .filter(c -> tierOf(c.kind) == t)
                    .map(Component::processName)
                    .distinct()
                    .toList();
            // a region node that trains the AOT cache writes it on exit (ServiceLauncher.nodeCommand)
            Duration grace = t == 0 && mode() == ServiceMode.REGION_NODE ? NODE_STOP_GRACE : STOP_GRACE;
            for (String name : processes.stopAll(names, grace, false)) {
                progress.accept("stopped " + name);
            }
        }
        processes.stopAll(List.of("native-0-mariadb", "native-1-mariadb"), STOP_GRACE, false);
        if (wipe) {
            deleteRecursively(home.resolve("data"));
            deleteRecursively(home.resolve("logs"));
            deleteRecursively(home.resolve("run"));
            try {
                Files.deleteIfExists(home.resolve("cluster.properties"));
                cluster = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.accept("wiped " + home.resolve("data"));
        }
    }

    private static int tierOf(ComponentKind kind) {
        return kind.isService() ? 0 : kind == ComponentKind.KAFKA ? 2 : 1;
    }

    /**
     * Kills every process of {@code region} abruptly (SIGKILL, no shutdown hooks), its Kafka broker included: the
     * failure drill's "region lost". What the region's capture had published and no peer had consumed yet stays in
     * its broker's log until {@link #restart}.
     */
    public void kill(Region region) {
        List<String> names = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            String name = new Component(region, kind).processName();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        processes.stopAll(names, Duration.ZERO, true);
    }

    /** Starts again whatever of {@code region} is not running (after {@link #kill}). */
    public void restart(Region region) {
        List<Region> regions = regions();
        startKafka(region);
        startMariaDb(region);
        startRedis(region);
        startWanProxy(region);
        awaitHealthy(
                List.of(
                        new Component(region, ComponentKind.KAFKA),
                        new Component(region, ComponentKind.MARIADB),
                        new Component(region, ComponentKind.REDIS),
                        new Component(region, ComponentKind.WAN_PROXY)),
                INFRA_START_TIMEOUT);
        if (servicesEnabled()) {
            startServices(region, regions);
            List<Component> services = new ArrayList<>();
            for (ComponentKind kind : ComponentKind.values()) {
                if (kind.isService()) {
                    services.add(new Component(region, kind));
                }
            }
            awaitHealthy(services, SERVICE_START_TIMEOUT);
        }
    }

    /**
     * Starts one service of {@code region} as a process of its own (if not running) with extra environment variables
     * and waits until it is healthy. Used by benchmarks that need only some services, on an infra-only playground.
     */
    public void startService(Region region, ComponentKind kind, Map<String, String> extraEnv) {
        String name = name(region, kind);
        if (processes.find(name).isEmpty()) {
            ServiceLauncher launcher = new ServiceLauncher(this);
            launcher.ensureBuilt(ServiceMode.MICROSERVICES);
            Map<String, String> env = new LinkedHashMap<>(launcher.environment(region, kind, regions()));
            env.putAll(extraEnv);
            processes.start(name, launcher.command(kind), env, home);
        }
        awaitHealthy(List.of(new Component(region, kind)), SERVICE_START_TIMEOUT);
    }

    /**
     * Kills one component abruptly (SIGKILL: no shutdown hooks, nothing flushed): a crash. {@link #startService} or
     * {@link #restart} starts it again.
     */
    public void kill(Region region, ComponentKind kind) {
        processes.stopAll(List.of(name(region, kind)), Duration.ZERO, true);
    }

    /** Stops one component gracefully (SIGTERM, then SIGKILL after the grace period). */
    public void stop(Region region, ComponentKind kind) {
        processes.stop(name(region, kind), STOP_GRACE, false);
    }

    /** The executable jar of a service, built first if missing. */
    public Path serviceJar(ComponentKind kind) {
        ServiceLauncher launcher = new ServiceLauncher(this);
        launcher.ensureBuilt(kind);
        return launcher.jar(kind);
    }

    /** JDBC URL of {@code schema} in {@code region}'s MariaDB. */
    public String jdbcUrl(Region region, String schema) {
        return "jdbc:mariadb://127.0.0.1:" + ports.port(region, ComponentKind.MARIADB) + "/" + schema;
    }

    /** Opens a root connection to {@code region}'s MariaDB. */
    public Connection rootConnection(Region region) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(region, ""), "root", credentials().dbPassword(Credentials.ROOT));
    }

    /**
     * The region nodes' AOT cache for the current build (see {@code ServiceLauncher#nodeCommand}): {@code "ready"}
     * (nodes start from it), {@code "training"} (region a's node of the next start records it and writes it when
     * {@link #down} stops it), {@code "off"} (switched off with {@code -Dridemesh.aot.off=true}).
     */
    public String aotCacheState() {
        if (Boolean.getBoolean(ServiceLauncher.AOT_OFF)) {
            return "off";
        }
        return new ServiceLauncher(this).aotCacheReady() ? "ready" : "training";
    }

    /** Bootstrap servers of {@code region}'s Kafka cluster. */
    public String kafkaBootstrap(Region region) {
        return "127.0.0.1:" + ports.port(region, ComponentKind.KAFKA);
    }

    /** Bootstrap servers of region a's Kafka cluster (tools and tests that use one cluster for every region). */
    public String kafkaBootstrap() {
        return kafkaBootstrap(Region.of(1));
    }

    /** The log file of a component, for error messages. */
    public Path logOf(Region region, ComponentKind kind) {
        return processes.log(new Component(region, kind).processName());
    }

    // ---------------------------------------------------------------- components

    final class Component {
        final Region region;
        final ComponentKind kind;

        Component(Region region, ComponentKind kind) {
            this.region = region;
            this.kind = kind;
        }

        String name() {
            return Playground.name(region, kind);
        }

        /** The process that runs this component: the region's node for a service in region-node mode. */
        String processName() {
            if (kind.isService() && servicesEnabled() && mode() == ServiceMode.REGION_NODE) {
                return nodeName(region);
            }
            return name();
        }

        int port() {
            return ports.port(region, kind);
        }

        /** null when healthy, else why not. */
        String problem() {
            if (processes.find(processName()).isEmpty()) {
                return "not running";
            }
            return switch (kind) {
                case MARIADB -> Probes.mariadb(port(), credentials().dbPassword(Credentials.ROOT));
                case REDIS -> Probes.redis(port());
                case KAFKA -> Probes.kafka(port());
                case WAN_PROXY -> Probes.http(port(), "/health");
                default -> Probes.http(port());
            };
        }

        ComponentStatus status() {
            String problem = problem();
            return new ComponentStatus(
                    region.name(),
                    kind.id(),
                    port(),
                    processes.recordedPid(processName()),
                    problem == null,
                    problem == null ? "" : problem);
        }
    }

    static String name(Region region, ComponentKind kind) {
        return region.name() + "-" + kind.id();
    }

    /** The process name of {@code region}'s node, e.g. {@code a-region-node}: its pid file, log and run directory. */
    static String nodeName(Region region) {
        return region.name() + "-region-node";
    }

    private List<Component> infraComponents(List<Region> regions) {
        List<Component> list = new ArrayList<>();
        for (Region region : regions) {
            list.add(new Component(region, ComponentKind.KAFKA));
            list.add(new Component(region, ComponentKind.MARIADB));
            list.add(new Component(region, ComponentKind.REDIS));
            list.add(new Component(region, ComponentKind.WAN_PROXY));
        }
        return list;
    }

    private List<Component> allComponents(List<Region> regions, boolean infraOnly) {
        if (regions.isEmpty()) {
            return List.of();
        }
        List<Component> list = infraComponents(regions);
        if (!infraOnly) {
            for (Region region : regions) {
                for (ComponentKind kind : ComponentKind.values()) {
                    if (kind.isService()) {
                        list.add(new Component(region, kind));
                    }
                }
            }
        }
        return list;
    }

    private boolean anyAlive() {
        return allComponents(regions(), false).stream()
                .anyMatch(c -> processes.find(c.processName()).isPresent());
    }

    private void checkPorts(List<Region> regions, boolean infraOnly) {
        for (Component c : allComponents(regions, infraOnly)) {
            if (processes.find(c.name()).isEmpty() && Processes.listening(c.port())) {
                throw new PortTaken(c.port(), c.name());
            }
            if (c.kind == ComponentKind.KAFKA) {
                int controller = ports.kafkaController(c.region);
                if (processes.find(c.name()).isEmpty() && Processes.listening(controller)) {
                    throw new PortTaken(controller, c.name() + " controller");
                }
            }
            if (c.kind == ComponentKind.WAN_PROXY && processes.find(c.name()).isEmpty()) {
                for (WanProxy.Link link : WanProxy.plan(ports, c.region, regions.size())) {
                    if (Processes.listening(link.listenPort())) {
                        throw new PortTaken(
                                link.listenPort(),
                                c.name() + " link to " + link.peer().name());
                    }
                }
            }
            if (c.kind == ComponentKind.KAFKA && processes.find(c.name()).isEmpty()) {
                for (Region peer : regions) {
                    if (!peer.equals(c.region) && Processes.listening(ports.kafkaPeerListener(c.region, peer))) {
                        throw new PortTaken(
                                ports.kafkaPeerListener(c.region, peer), c.name() + " listener for " + peer.name());
                    }
                }
            }
            if (c.kind == ComponentKind.GATEWAY) {
                int ops = ports.gatewayOps(c.region);
                if (processes.find(c.name()).isEmpty() && Processes.listening(ops)) {
                    throw new PortTaken(ops, c.name() + " operator listener");
                }
            }
        }
    }

    private void awaitHealthy(List<Component> components, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant start = Instant.now();
        while (true) {
            List<String> waiting = new ArrayList<>();
            String lastProblem = null;
            for (Component c : components) {
                String problem = c.problem();
                if (problem != null) {
                    if (problem.equals("not running")) {
                        Path log = processes.log(c.processName());
                        throw new PlatformException(c.name() + " exited during start; see " + log
                                + "; its last lines:\n" + Processes.tail(log, 40));
                    }
                    waiting.add(c.name());
                    lastProblem = c.name() + ": " + problem;
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PlatformException("not healthy after " + timeout.toSeconds() + " s: " + waiting + " ("
                        + lastProblem + "); logs in " + home.resolve("logs"));
            }
            progress.accept(String.format(
                    "\rwaiting %4.1f s: %d/%d healthy, waiting for %s",
                    seconds(start), components.size() - waiting.size(), components.size(), abbreviate(waiting)));
            pause(Duration.ofMillis(500));
        }
    }

    // ---------------------------------------------------------------- kafka

    /**
     * Starts {@code region}'s Kafka cluster (one KRaft broker-controller in its own JVM): its capture publishes there,
     * and the other regions' applies consume from it.
     */
    private void startKafka(Region region) {
        String name = name(region, ComponentKind.KAFKA);
        if (processes.find(name).isPresent()) {
            return;
        }
        int port = ports.port(region, ComponentKind.KAFKA);
        int controller = ports.kafkaController(region);
        Path dir = home.resolve("data").resolve(region.name()).resolve("kafka");
        Path logs = dir.resolve("logs");
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(logs);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controller);
            // one listener for the region's own clients, one per peer region that advertises the peer's WAN proxy
            // port: a peer's consumer then reaches this broker through its own region's proxy, bootstrap and
            // every later connection alike
            StringBuilder listeners = new StringBuilder("PLAINTEXT://127.0.0.1:" + port);
            StringBuilder advertised = new StringBuilder("PLAINTEXT://127.0.0.1:" + port);
            StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            for (Region peer : regions()) {
                if (!peer.equals(region)) {
                    String listener = "PEER_" + peer.name().toUpperCase(java.util.Locale.ROOT);
                    listeners
                            .append(',')
                            .append(listener)
                            .append("://127.0.0.1:")
                            .append(ports.kafkaPeerListener(region, peer));
                    advertised
                            .append(',')
                            .append(listener)
                            .append("://127.0.0.1:")
                            .append(ports.wanEgress(peer, region, ComponentKind.KAFKA));
                    protocols.append(',').append(listener).append(":PLAINTEXT");
                }
            }
            props.put("listeners", listeners + ",CONTROLLER://127.0.0.1:" + controller);
            props.put("advertised.listeners", advertised.toString());
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", protocols.toString());
            props.put("log.dirs", logs.toString());
            props.put("num.partitions", "4");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "8");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("log.retention.hours", "168");
            StringBuilder text = new StringBuilder("# generated by ./platform\n");
            props.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(config, text);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
                runToCompletion(
                        name + "-format",
                        javaCommand(
                                List.of("-Xmx256m"),
                                "kafka.tools.StorageTool",
                                "format",
                                "--standalone",
                                "-t",
                                clusterId,
                                "-c",
                                config.toString()),
                        Duration.ofSeconds(60));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Kafka in " + dir + ": " + e.getMessage(), e);
        }
        progress.accept("starting " + name + " on 127.0.0.1:" + port);
        processes.start(
                name,
                javaCommand(
                        List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Dkafka.logs.dir=" + dir.resolve("applogs")),
                        "kafka.Kafka",
                        config.toString()),
                Map.of(),
                dir);
    }

    // ---------------------------------------------------------------- WAN proxy

    /** The longest one-way WAN latency the playground accepts, ms. */
    public static final long MAX_WAN_LATENCY_MS = 2000;

    /** The one-way latency the playground's WAN proxies add to every cross-region link, ms (0 when none). */
    public long wanLatencyMs() {
        return Long.parseLong(readCluster().getProperty("wanLatencyMs", "0"));
    }

    /**
     * Bootstrap servers through which {@code from}'s clients reach {@code to}'s Kafka: {@code from}'s WAN proxy.
     *
     * @throws IllegalArgumentException if {@code from} equals {@code to}
     */
    public String peerKafkaBootstrap(Region from, Region to) {
        return "127.0.0.1:" + ports.wanEgress(from, to, ComponentKind.KAFKA);
    }

    /**
     * Rotates every region's signing keys ({@link IdentityKeys#rotate}): each identity-service reads its changed key
     * file within a second, publishes the new key at once and signs with it from {@code now + publishAhead}; the old
     * key stays published until the last token it signed has expired. Nothing restarts.
     *
     * @return what each region's rotation did, in region order
     * @throws PlatformException if the playground has no region with a key file (never started with services)
     */
    public List<IdentityKeys.Rotation> rotateKeys(Duration publishAhead) {
        List<IdentityKeys.Rotation> done = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (Region region : regions()) {
            Path file = IdentityKeys.file(home, region);
            if (Files.exists(file)) {
                done.add(IdentityKeys.rotate(
                        file, region, now, publishAhead, ServiceLauncher.IDENTITY_ACCESS_TOKEN_TTL));
            }
        }
        if (done.isEmpty()) {
            throw new PlatformException("no region of the playground in " + home + " has signing keys yet: start it"
                    + " with services first (./platform up)");
        }
        return done;
    }

    /**
     * Access tokens signed with {@code region}'s authorization-server key, as its identity-service signs them ({@link
     * Tokens}): for the operator tools that hold the playground's keys (benches, the chaos run).
     *
     * @throws IllegalStateException if the region's identity-service was never started (it has no key file yet)
     */
    public Tokens issuerTokens(Region region) {
        return Tokens.ofKeyFile(IdentityKeys.file(home, region), identityIssuer(region), java.time.Instant.now());
    }

    /**
     * The issuer of {@code region}'s authorization server (identity-service): the {@code iss} of the tokens it signs,
     * its own address.
     */
    public String identityIssuer(Region region) {
        return "http://127.0.0.1:" + ports.port(region, ComponentKind.IDENTITY_SERVICE);
    }

    /**
     * The base URL through which {@code from} calls {@code to}'s {@code service}: direct within a region, through
     * {@code from}'s WAN proxy across regions.
     */
    public String serviceUrl(Region from, Region to, ComponentKind service) {
        int port = from.equals(to) ? ports.port(to, service) : ports.wanEgress(from, to, service);
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts {@code region}'s WAN proxy ({@link WanProxy}): every connection the region opens to a peer passes it,
     * with the playground's latency, and partitions cut them.
     */
    private void startWanProxy(Region region) {
        String name = name(region, ComponentKind.WAN_PROXY);
        if (processes.find(name).isPresent()) {
            return;
        }
        long latency = wanLatencyMs();
        progress.accept("starting " + name + " (latency " + latency + " ms) on 127.0.0.1:"
                + ports.port(region, ComponentKind.WAN_PROXY));
        processes.start(
                name,
                javaCommand(
                        List.of("-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
                        WanProxy.class.getName(),
                        "--region",
                        region.name(),
                        "--regions",
                        Integer.toString(regions().size()),
                        "--base-port",
                        Integer.toString(ports.basePort()),
                        "--latency-ms",
                        Long.toString(latency),
                        "--jitter-ms",
                        Long.toString(latency / 10)),
                Map.of(),
                home);
    }

    /**
     * Cuts every link between regions {@code x} and {@code y}, both ways, for {@code duration}; the proxies heal them
     * by themselves afterwards.
     *
     * @throws PlatformException if a WAN proxy does not answer or refuses
     */
    public void partition(Region x, Region y, Duration duration) {
        if (x.equals(y)) {
            throw new IllegalArgumentException("a partition needs two different regions, but both were " + x.name());
        }
        wanControl(x, "/partition?peer=" + y.name() + "&seconds=" + duration.toSeconds());
        wanControl(y, "/partition?peer=" + x.name() + "&seconds=" + duration.toSeconds());
    }

    /** Heals every cut link of every running WAN proxy. */
    public void heal() {
        for (Region region : regions()) {
            if (processes.find(name(region, ComponentKind.WAN_PROXY)).isPresent()) {
                wanControl(region, "/heal");
            }
        }
    }

    /** The links of every running WAN proxy as its control API describes them (JSON objects, one per region). */
    public List<String> wanLinks() {
        List<String> answers = new ArrayList<>();
        for (Region region : regions()) {
            if (processes.find(name(region, ComponentKind.WAN_PROXY)).isPresent()) {
                answers.add(Probes.call(ports.port(region, ComponentKind.WAN_PROXY), "GET", "/links"));
            }
        }
        return answers;
    }

    private void wanControl(Region region, String pathAndQuery) {
        if (processes.find(name(region, ComponentKind.WAN_PROXY)).isEmpty()) {
            throw new PlatformException(
                    "region " + region.name() + "'s WAN proxy is not running; see ./platform status");
        }
        Probes.call(ports.port(region, ComponentKind.WAN_PROXY), "POST", pathAndQuery);
    }

    private List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The classpath with the Kafka broker: the launcher's own lib directory when built (so any
     * JVM, e.g. another module's test, can start the broker), else this JVM's classpath.
     */
    private String brokerClasspath() {
        Path lib = repo.resolve("infra/target/lib");
        Path jar = repo.resolve("infra/target/infra.jar");
        if (Files.isDirectory(lib) && Files.exists(jar)) {
            return jar.toString(); // its manifest names this build's libraries in lib/ (not whatever lib/ holds)
        }
        return System.getProperty("java.class.path");
    }

    private void runToCompletion(String name, List<String> command, Duration timeout) {
        try {
            Files.createDirectories(home.resolve("logs"));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(processes.log(name).toFile()))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new PlatformException(
                        name + " did not finish in " + timeout.toSeconds() + " s; see " + processes.log(name));
            }
            if (p.exitValue() != 0) {
                throw new PlatformException(
                        name + " failed with exit code " + p.exitValue() + "; see " + processes.log(name));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while running " + name, e);
        }
    }

    // ---------------------------------------------------------------- mariadb

    private void startMariaDb(Region region) {
        startMariaDb(
                name(region, ComponentKind.MARIADB),
                home.resolve("data").resolve(region.name()).resolve("mariadb"),
                ports.port(region, ComponentKind.MARIADB),
                region.id());
    }

    /**
     * Starts a stand-alone MariaDB server outside the regions (e.g. the native-replication pair of
     * the replication benchmark), with the same flags as a region's, and sets its root password.
     *
     * @param index 0 or 1: which of the plan's two spare ports
     * @return the JDBC URL of its root schema
     */
    public String startExtraMariaDb(int index) {
        String name = "native-" + index + "-mariadb";
        int port = ports.nativeReplicationPort(index);
        if (processes.find(name).isEmpty() && Processes.listening(port)) {
            throw new PortTaken(port, name);
        }
        startMariaDb(name, home.resolve("data").resolve("native-" + index), port, 100 + index);
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /** Stops a server started by {@link #startExtraMariaDb}. */
    public void stopExtraMariaDb(int index) {
        processes.stop("native-" + index + "-mariadb", STOP_GRACE, false);
    }

    private void startMariaDb(String name, Path dir, int port, int serverId) {
        if (processes.find(name).isPresent()) {
            return;
        }
        MariaDbBinaries binaries = MariaDbBinaries.locate(home);
        Path datadir = dir.resolve("data");
        boolean fresh = !Files.exists(datadir.resolve("mysql"));
        try {
            Files.createDirectories(dir);
            if (fresh) {
                runToCompletion(name + "-install", binaries.installCommand(datadir), Duration.ofSeconds(120));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        progress.accept("starting " + name + " on 127.0.0.1:" + port);
        List<String> command = new ArrayList<>(binaries.serverCommand());
        command.addAll(List.of(
                "--no-defaults",
                "--datadir=" + datadir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadb.sock"),
                "--pid-file=" + dir.resolve("mariadb.pid"),
                "--user=root",
                "--server-id=" + serverId,
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--log-slave-updates=ON",
                "--gtid-domain-id=" + serverId,
                "--gtid-strict-mode=ON",
                "--skip-name-resolve",
                "--max-connections=400",
                "--innodb-buffer-pool-size=128M",
                "--log-error=" + dir.resolve("error.log")));
        command.addAll(binaries.extraServerOptions());
        processes.start(name, command, Map.of(), dir);
        if (fresh) {
            awaitRootAndSetPassword(name, "jdbc:mariadb://127.0.0.1:" + port + "/", dir);
        }
    }

    /** A fresh server has root without password: set the generated one before anything else. */
    private void awaitRootAndSetPassword(String name, String url, Path dir) {
        Instant deadline = Instant.now().plus(INFRA_START_TIMEOUT);
        while (true) {
            try (Connection c = DriverManager.getConnection(url, "root", "");
                    Statement s = c.createStatement()) {
                String password = credentials().dbPassword(Credentials.ROOT);
                for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
                    s.execute("ALTER USER IF EXISTS 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
                }
                s.execute("FLUSH PRIVILEGES");
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new PlatformException(name + " did not accept connections: " + e.getMessage() + "; see "
                            + dir.resolve("error.log"));
                }
                if (processes.find(name).isEmpty()) {
                    throw new PlatformException(name + " exited; see " + dir.resolve("error.log"));
                }
                pause(Duration.ofMillis(100));
            }
        }
    }

    /**
     * Creates the region's schemas and least-privilege users (idempotent): each service has its own schema and no
     * other (a service asks another one through its query API, never reads its tables), sync-sink also writes the
     * replicated rows of the others. The CDC user gets
     * exactly what Debezium needs: SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR; sync-sink
     * also gets BINLOG REPLAY, to write apply's transactions in their own GTID domain.
     */
    private void provision(Region region) {
        Credentials creds = credentials();
        try (Connection c = rootConnection(region);
                Statement s = c.createStatement()) {
            for (ComponentKind kind : ComponentKind.values()) {
                if (kind.isService()) {
                    s.execute("CREATE DATABASE IF NOT EXISTS `" + kind.schema() + "`");
                }
            }
            for (ComponentKind kind : ComponentKind.values()) {
                if (kind.isService()) {
                    String user = dbUser(kind);
                    createUser(s, user, creds.dbPassword(kind.id()));
                    s.execute("GRANT ALL ON `" + kind.schema() + "`.* TO '" + user + "'@'127.0.0.1'");
                }
            }
            // apply writes other regions' versions of replicated rows into the service schemas
            for (ComponentKind kind : ComponentKind.values()) {
                if (kind.isService() && kind != ComponentKind.SYNC_SINK) {
                    s.execute("GRANT SELECT, INSERT, UPDATE ON `" + kind.schema() + "`.* TO '"
                            + dbUser(ComponentKind.SYNC_SINK) + "'@'127.0.0.1'");
                }
            }
            // apply writes its transactions in a GTID domain of their own (SET SESSION gtid_domain_id), which the
            // region's capture skips unread
            s.execute("GRANT BINLOG REPLAY ON *.* TO '" + dbUser(ComponentKind.SYNC_SINK) + "'@'127.0.0.1'");
            createUser(s, "cdc", creds.dbPassword(Credentials.CDC));
            s.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO"
                    + " 'cdc'@'127.0.0.1'");
        } catch (SQLException e) {
            throw new PlatformException(
                    "cannot provision MariaDB of region " + region.name() + ": " + e.getMessage(), e);
        }
    }

    private static void createUser(Statement s, String user, String password) throws SQLException {
        s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
        s.execute("ALTER USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
    }

    /** The MariaDB account of a service, e.g. {@code order_service}. */
    public static String dbUser(ComponentKind kind) {
        return kind.id().replace('-', '_');
    }

    /** Runs every service's Flyway migrations in {@code region} as that service's user. */
    private void migrate(Region region) {
        for (ComponentKind kind : ComponentKind.values()) {
            if (!kind.isService()) {
                continue;
            }
            Path location = migrationsOf(kind);
            if (!Files.isDirectory(location)) {
                continue;
            }
            Flyway.configure()
                    .dataSource(
                            jdbcUrl(region, kind.schema()),
                            dbUser(kind),
                            credentials().dbPassword(kind.id()))
                    .locations("filesystem:" + location)
                    .load()
                    .migrate();
        }
    }

    /** Where a service keeps its Flyway migrations: {@code <module>/src/main/resources/db/migration/<schema>}. */
    public Path migrationsOf(ComponentKind kind) {
        return repo.resolve(kind.module())
                .resolve("src/main/resources/db/migration")
                .resolve(kind.schema());
    }

    // ---------------------------------------------------------------- redis

    private void startRedis(Region region) {
        String name = name(region, ComponentKind.REDIS);
        if (processes.find(name).isPresent()) {
            return;
        }
        Path dir = home.resolve("data").resolve(region.name()).resolve("redis");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = ports.port(region, ComponentKind.REDIS);
        progress.accept("starting " + name + " on 127.0.0.1:" + port);
        List<String> command = new ArrayList<>();
        command.add(RedisBinaries.locate(home).toString());
        command.addAll(List.of(
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", dir.toString()));
        processes.start(name, command, Map.of(), dir);
    }

    // ---------------------------------------------------------------- services

    /** Starts what is not running of {@code region}'s services, the way {@link #mode()} says. */
    private void startServices(Region region, List<Region> regions) {
        ServiceLauncher launcher = new ServiceLauncher(this);
        if (mode() == ServiceMode.REGION_NODE) {
            String name = nodeName(region);
            if (processes.find(name).isEmpty()) {
                Path envDir = home.resolve("run").resolve(name);
                launcher.writeNodeEnvironment(envDir, region, regions);
                processes.start(name, launcher.nodeCommand(envDir, region), Map.of(), home);
            }
            return;
        }
        for (ComponentKind kind : ComponentKind.values()) {
            String name = name(region, kind);
            if (kind.isService() && processes.find(name).isEmpty()) {
                processes.start(name, launcher.command(kind), launcher.environment(region, kind, regions), home);
            }
        }
    }

    // ---------------------------------------------------------------- files

    /**
     * {@code cluster.properties} as last read or written by this launcher: every component's process name depends on
     * it (mode, services enabled), and health polls and CPU samples ask for it many times a second. One launcher
     * operates on a home at a time (see the class), so it changes only through {@link #writeCluster} and a wipe.
     */
    private @org.jspecify.annotations.Nullable Properties cluster;

    private Properties readCluster() {
        if (cluster != null) {
            return cluster;
        }
        Properties p = new Properties();
        Path file = home.resolve("cluster.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cluster = p;
        return p;
    }

    private void writeCluster(int regions, boolean infraOnly, ServiceMode mode, long wanLatencyMs) {
        Properties p = new Properties();
        p.setProperty("wanLatencyMs", Long.toString(wanLatencyMs));
        p.setProperty("mode", mode.id());
        p.setProperty("regions", Integer.toString(regions));
        p.setProperty("infraOnly", Boolean.toString(infraOnly));
        p.setProperty("basePort", Integer.toString(ports.basePort()));
        try {
            Files.createDirectories(home);
            try (OutputStream out = Files.newOutputStream(home.resolve("cluster.properties"))) {
                p.store(out, "ridemesh playground");
            }
            cluster = p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names) : String.join(", ", names.subList(0, 4)) + ", ...";
    }
}
