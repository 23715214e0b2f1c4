package io.ridemesh.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.simulator.demo.DemoCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The demo's two-region cluster as the repository's {@code docker-compose.yml}, brought up by Testcontainers'
 * {@link ComposeContainer} with the machine's {@code docker compose} (Compose v2).
 *
 * <p>How the compose file maps to the {@link DemoCluster} seam:
 *
 * <ul>
 *   <li>{@link #start()}: {@code docker compose up -d} under a fresh project name, then waits until the health check
 *       of every region's MariaDB, Redis, Kafka, services and gateway passes. The service exec jars must
 *       have been built ({@code mvn -DskipTests package}); they are mounted read-only.
 *   <li>{@link #url}: compose service {@code <kind>-<region>} (e.g. {@code gateway-a}) publishes its port 8080 on an
 *       ephemeral host port; the URL is the Docker host and that port, read from the container. A killed container
 *       keeps its last URL (which then refuses connections, as a dead region does); a restart reads it again, since
 *       Docker may publish a restarted container on another host port.
 *   <li>{@link #rootConnection}: JDBC as root to {@code mariadb-<region>}'s published port 3306.
 *   <li>{@link #kill}: SIGKILL to every container of the region ({@code mariadb}, {@code redis}, the four services
 *       and the gateway) through the Docker API; the containers keep their data, as a killed process keeps its files.
 *   <li>{@link #restart}: starts the same containers again, the stores first, and returns once all are healthy.
 * </ul>
 *
 * <p>Secrets (database passwords, JWT and quote keys, operator password) are generated per instance and reach compose
 * as environment variables, never a file. Ports are published on 127.0.0.1 when Docker runs on this machine, else on
 * every interface of the Docker host ({@code RIDEMESH_PUBLISH_ADDRESS}).
 *
 * <p>Thread-safe: {@link #start}, {@link #kill}, {@link #restart} and {@link #close} are serialised; {@link #url} and
 * {@link #rootConnection} may be called from any thread at any time after {@link #start}.
 */
final class ComposeDemoCluster implements DemoCluster, AutoCloseable {

    /** The regions of {@code docker-compose.yml}. */
    static final List<Region> REGIONS = List.of(Region.of(1), Region.of(2));

    private static final int SERVICE_PORT = 8080;
    private static final int DATABASE_PORT = 3306;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    private static final String ROOT_PASSWORD = "RIDEMESH_DB_ROOT_PASSWORD";
    private static final String OPERATOR_PASSWORD = "RIDEMESH_OPERATOR_PASSWORD";

    private final Path repo;
    private final Path composeFile;
    private final Consumer<String> progress;
    private final Map<String, String> secrets;
    private final ComposeContainer compose;
    /** Compose service name to container id. */
    private final Map<String, String> containerIds = new ConcurrentHashMap<>();
    /** Compose service name to {@code host:port} of its published port. */
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    private volatile String dockerHost;
    private volatile boolean started;

    /**
     * A cluster of {@code repo}'s {@code docker-compose.yml}; nothing runs before {@link #start()}.
     *
     * @param repo the repository root (the compose file, the service jars under {@code <module>/target})
     * @param progress receives human-readable progress lines
     */
    ComposeDemoCluster(Path repo, Consumer<String> progress) {
        this.repo = repo.toAbsolutePath().normalize();
        this.composeFile = this.repo.resolve("docker-compose.yml");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.secrets = generateSecrets();
        // the String constructor runs the local `docker compose`; the project name gets a random suffix
        this.compose = new ComposeContainer("ridemesh", composeFile.toFile())
                .withEnv(secrets)
                // compose pulls what `up` needs; Testcontainers' own pre-pull would also fetch the monitoring profile
                .withPull(false)
                .withStartupTimeout(START_TIMEOUT);
        for (Region region : REGIONS) {
            for (ComponentKind kind : regionKinds()) {
                compose.waitingFor(service(region, kind), Wait.forHealthcheck().withStartupTimeout(START_TIMEOUT));
            }
        }
    }

    /**
     * The compose service of a region's component, e.g. {@code order-service-a}, {@code mariadb-b} or
     * {@code kafka-a}.
     */
    static String service(Region region, ComponentKind kind) {
        return kind.id() + "-" + region.name();
    }

    /** The environment variable of a service account's database password, e.g. {@code RIDEMESH_DB_GATEWAY_PASSWORD}. */
    static String dbPasswordVariable(ComponentKind kind) {
        return "RIDEMESH_DB_" + kind.id().toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** Runs {@code docker compose up} and returns once every container of both regions is healthy. */
    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        requireServiceJars();
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
        dockerHost = host.equals("localhost") ? "127.0.0.1" : host;
        compose.withEnv("RIDEMESH_PUBLISH_ADDRESS", local ? "127.0.0.1" : "0.0.0.0");
        progress.accept("docker compose up: regions a and b from " + composeFile + " (the first run pulls images) ...");
        Instant begin = Instant.now();
        try {
            compose.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "docker compose up of " + composeFile + " failed: " + e.getMessage() + diagnostics(allServices()),
                    e);
        }
        started = true;
        for (Region region : REGIONS) {
            refreshEndpoints(region);
        }
        progress.accept(String.format(
                Locale.ROOT,
                "compose cluster healthy in %.0f s; gateways %s and %s",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                url(REGIONS.get(0), ComponentKind.GATEWAY),
                url(REGIONS.get(1), ComponentKind.GATEWAY)));
    }

    /**
     * {@code http://host:port} of a region's service or gateway on the Docker host.
     *
     * @throws IllegalArgumentException for MariaDB, Redis and Kafka, which have no HTTP endpoint (use {@link
     *     #rootConnection} for MariaDB)
     * @throws IllegalStateException before {@link #start()}
     */
    @Override
    public String url(Region region, ComponentKind kind) {
        if (!kind.isService()) {
            throw new IllegalArgumentException(kind.id() + " has no HTTP endpoint in the compose cluster");
        }
        return "http://" + endpoint(service(region, kind), SERVICE_PORT);
    }

    /** A root JDBC connection to the region's MariaDB on its published port. */
    @Override
    public Connection rootConnection(Region region) throws SQLException {
        String endpoint = endpoint(service(region, ComponentKind.MARIADB), DATABASE_PORT);
        return DriverManager.getConnection("jdbc:mariadb://" + endpoint + "/", "root", secrets.get(ROOT_PASSWORD));
    }

    /** The operator's password of the gateways' token endpoint, generated for this cluster. */
    @Override
    public String operatorPassword() {
        return secrets.get(OPERATOR_PASSWORD);
    }

    /**
     * Sends SIGKILL to every container of the region (its MariaDB, Redis, services and gateway) and returns once none
     * runs. Containers that already stopped are left as they are.
     */
    @Override
    public synchronized void kill(Region region) {
        requireStarted();
        List<String> services = regionServices(region);
        DockerClient docker = docker();
        for (String service : services) {
            try {
                docker.killContainerCmd(containerId(service))
                        .withSignal("SIGKILL")
                        .exec();
            } catch (ConflictException | NotModifiedException e) {
                // not running: already as dead as the kill would make it
            }
        }
        try {
            Awaitility.await("region " + region.name() + " killed")
                    .atMost(KILL_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> services.stream().noneMatch(this::running));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "region " + region.name() + " still runs " + KILL_TIMEOUT.toSeconds() + " s after SIGKILL"
                            + diagnostics(services),
                    e);
        }
    }

    /**
     * Starts the region's containers again, MariaDB and Redis first (the services migrate their schemas at start),
     * and returns once every one of them is healthy.
     *
     * @throws IllegalStateException if a container exits while starting or is not healthy in time, with its last log
     *     lines
     */
    @Override
    public synchronized void restart(Region region) {
        requireStarted();
        startAndAwaitHealthy(List.of(
                service(region, ComponentKind.KAFKA),
                service(region, ComponentKind.MARIADB),
                service(region, ComponentKind.REDIS)));
        List<String> services = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.isService()) {
                services.add(service(region, kind));
            }
        }
        startAndAwaitHealthy(services);
        refreshEndpoints(region);
    }

    /** {@code docker compose down -v}: removes the containers, their volumes and the network. */
    @Override
    public synchronized void close() {
        started = false;
        compose.stop();
    }

    // ---------------------------------------------------------------- containers

    /** The kinds docker-compose.yml runs per region: all but the playground's WAN proxy (compose links directly). */
    private static List<ComponentKind> regionKinds() {
        return Arrays.stream(ComponentKind.values())
                .filter(k -> k != ComponentKind.WAN_PROXY)
                .toList();
    }

    private static List<String> regionServices(Region region) {
        return regionKinds().stream().map(kind -> service(region, kind)).toList();
    }

    private static List<String> allServices() {
        List<String> services = new ArrayList<>();
        for (Region region : REGIONS) {
            services.addAll(regionServices(region));
        }
        return services;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private String containerId(String service) {
        return containerIds.computeIfAbsent(service, s -> compose.getContainerByServiceName(s)
                .orElseThrow(() -> new IllegalStateException("compose created no container for service " + s))
                .getContainerId());
    }

    private InspectContainerResponse.ContainerState state(String service) {
        return docker().inspectContainerCmd(containerId(service)).exec().getState();
    }

    private boolean running(String service) {
        return Boolean.TRUE.equals(state(service).getRunning());
    }

    private void startAndAwaitHealthy(List<String> services) {
        for (String service : services) {
            try {
                docker().startContainerCmd(containerId(service)).exec();
            } catch (NotModifiedException e) {
                // already running
            }
        }
        try {
            Awaitility.await("healthy: " + services)
                    .atMost(RESTART_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> allHealthy(services));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "not healthy " + RESTART_TIMEOUT.toSeconds() + " s after the restart" + diagnostics(services), e);
        }
    }

    /** True when every service's health check passes; fails at once when one has exited. */
    private boolean allHealthy(List<String> services) {
        boolean healthy = true;
        for (String service : services) {
            InspectContainerResponse.ContainerState state = state(service);
            if (!Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting())) {
                throw new IllegalStateException(service + " exited with code " + state.getExitCodeLong()
                        + " while starting; its last lines:\n" + tail(service));
            }
            healthy &= state.getHealth() != null
                    && "healthy".equals(state.getHealth().getStatus());
        }
        return healthy;
    }

    // ---------------------------------------------------------------- endpoints

    private String endpoint(String service, int containerPort) {
        requireStarted();
        return endpoints.computeIfAbsent(service, s -> publishedEndpoint(s, containerPort));
    }

    /** Reads the region's published ports again (a started container may have got other host ports). */
    private void refreshEndpoints(Region region) {
        for (ComponentKind kind : regionKinds()) {
            if (kind == ComponentKind.MARIADB || kind.isService()) {
                String service = service(region, kind);
                endpoints.put(
                        service,
                        publishedEndpoint(service, kind == ComponentKind.MARIADB ? DATABASE_PORT : SERVICE_PORT));
            }
        }
    }

    /** {@code host:port} of the host port Docker published {@code containerPort} on (IPv4 binding preferred). */
    private String publishedEndpoint(String service, int containerPort) {
        Ports ports = docker().inspectContainerCmd(containerId(service))
                .exec()
                .getNetworkSettings()
                .getPorts();
        Ports.Binding[] bindings = ports == null ? null : ports.getBindings().get(ExposedPort.tcp(containerPort));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(service + " publishes no host port for " + containerPort
                    + " (is it running? docker-compose.yml must publish it)");
        }
        Ports.Binding binding = Arrays.stream(bindings)
                .filter(b -> b.getHostIp() == null || !b.getHostIp().contains(":"))
                .findFirst()
                .orElse(bindings[0]);
        return dockerHost + ":" + binding.getHostPortSpec();
    }

    // ---------------------------------------------------------------- checks and diagnostics

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the compose cluster is not started: call start() first");
        }
    }

    private void requireServiceJars() {
        if (!Files.isRegularFile(composeFile)) {
            throw new IllegalStateException("no compose file at " + composeFile);
        }
        List<Path> missing = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.isService()) {
                Path jar = repo.resolve(kind.module()).resolve("target").resolve(kind.module() + "-exec.jar");
                if (!Files.isRegularFile(jar)) {
                    missing.add(jar);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the service jars the compose file mounts are missing: " + missing
                    + "; build them first with" + " `mvn -DskipTests package` in " + repo);
        }
    }

    /** Each service's state, health and last log lines, for a failure message. */
    private String diagnostics(List<String> services) {
        StringBuilder out = new StringBuilder();
        for (String service : services) {
            out.append("\n--- ").append(service).append(": ");
            try {
                InspectContainerResponse.ContainerState state = state(service);
                out.append(state.getStatus())
                        .append(", health ")
                        .append(
                                state.getHealth() == null
                                        ? "-"
                                        : state.getHealth().getStatus())
                        .append(", exit code ")
                        .append(state.getExitCodeLong())
                        .append('\n')
                        .append(tail(service));
            } catch (RuntimeException e) {
                out.append("no container (").append(e.getMessage()).append(')');
            }
        }
        return out.toString();
    }

    /** The container's last 40 log lines (stdout and stderr). */
    private String tail(String service) {
        StringBuffer lines = new StringBuffer(); // appended by docker-java's callback thread
        try {
            docker().logContainerCmd(containerId(service))
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(40)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            lines.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            lines.append("(no logs: ").append(e.getMessage()).append(')');
        }
        return lines.toString();
    }

    // ---------------------------------------------------------------- secrets

    /**
     * Fresh secrets for every variable docker-compose.yml requires: 32 random bytes, hex, each, and each region's
     * identity-service signing key (a JWK set of one EC P-256 key).
     */
    private static Map<String, String> generateSecrets() {
        SecureRandom random = new SecureRandom();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ROOT_PASSWORD, randomHex(random));
        env.put("RIDEMESH_DB_CDC_PASSWORD", randomHex(random));
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.isService()) {
                env.put(dbPasswordVariable(kind), randomHex(random));
            }
        }
        env.put("RIDEMESH_QUOTE_SECRET", randomHex(random));
        env.put(OPERATOR_PASSWORD, randomHex(random));
        for (String region : new String[] {"A", "B"}) {
            try {
                env.put(
                        "RIDEMESH_IDENTITY_SIGNING_KEYS_" + region,
                        new com.nimbusds.jose.jwk.JWKSet(
                                        new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                                                .keyID(region.toLowerCase(Locale.ROOT) + "-1")
                                                .generate())
                                .toString(false));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(env);
    }

    private static String randomHex(SecureRandom random) {
        byte[] bytes = new byte[32]; // HS256 and the quote signer need >= 32 bytes
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
