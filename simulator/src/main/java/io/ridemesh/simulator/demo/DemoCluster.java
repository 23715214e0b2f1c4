package io.ridemesh.simulator.demo;

import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.infra.cluster.ServiceMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * What the demo needs from a two-region cluster (regions a and b, every service and a gateway per region). The
 * launcher's local playground is one ({@link #of(Playground)}); the e2e module's Docker Compose cluster under
 * Testcontainers is another. Implementations are safe for use from several threads.
 */
public interface DemoCluster {

    /** Starts (or attaches to) regions a and b with every service; returns once all are healthy. */
    void start();

    /**
     * Whether services of the cluster already run before {@link #start}: then their JVMs are warm and their databases
     * hold earlier runs' rows, and the demo's figures are not those of a cold start.
     */
    default boolean servicesRunning() {
        return false;
    }

    /**
     * How the cluster runs a region's services, for the report: {@code region-node} or {@code microservices} (a
     * process or container per service, the default).
     */
    default String mode() {
        return ServiceMode.MICROSERVICES.id();
    }

    /**
     * The cluster's live processes on this machine, pid to kind ({@code region-node}, {@code kafka}, {@code mariadb},
     * ...), for the report's CPU figures; empty when they are not local processes (containers).
     */
    default java.util.Map<Long, String> processes() {
        return java.util.Map.of();
    }

    /**
     * The region nodes' AOT cache as the cluster is about to start, for the report: {@code ready} (the nodes start
     * from a trained cache), {@code training} (this start records it: a cold JIT), {@code off}; null when the cluster
     * has no region nodes of this launcher (a process per service, containers).
     */
    default @org.jspecify.annotations.Nullable String aotCache() {
        return null;
    }

    /** Base URL of a component, e.g. {@code http://127.0.0.1:21080} for region a's gateway. */
    String url(Region region, ComponentKind kind);

    /**
     * {@code http://host:port} of the gateway's operator API in {@code region}: its operator listener where one runs
     * (own port and event loop, answers while app traffic saturates the gateway), else the main port.
     */
    default String opsUrl(Region region) {
        return url(region, ComponentKind.GATEWAY);
    }

    /**
     * A connection to the region's database with rights to read every schema (RPO, convergence, lost rides).
     *
     * @throws SQLException when the database cannot be reached
     */
    Connection rootConnection(Region region) throws SQLException;

    /**
     * The first operator's password: its account's at every region's identity-service ({@link #operatorLogin}), and
     * the gateways' local token endpoint's.
     */
    String operatorPassword();

    /** The first operator's login, whose account every region's identity-service makes at start. */
    default String operatorLogin() {
        return io.ridemesh.infra.cluster.Credentials.OPERATOR_LOGIN;
    }

    /** Kills every process of the region abruptly (SIGKILL): its database, Redis, services and gateway. */
    void kill(Region region);

    /** Starts the region's processes again and returns once they are healthy. */
    void restart(Region region);

    /** The local playground of {@code ./platform} with a region node per region. */
    static DemoCluster of(Playground playground) {
        return of(playground, ServiceMode.REGION_NODE);
    }

    /** The local playground of {@code ./platform}: processes on 127.0.0.1 at its port plan, services run {@code mode}. */
    static DemoCluster of(Playground playground, ServiceMode mode) {
        return of(playground, mode, java.time.Duration.ZERO);
    }

    /**
     * The local playground of {@code ./platform}, services run {@code mode}, its cross-region links delayed by
     * {@code wanLatency} one way (the WAN proxies').
     */
    static DemoCluster of(Playground playground, ServiceMode mode, java.time.Duration wanLatency) {
        Objects.requireNonNull(playground, "playground");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(wanLatency, "wanLatency");
        return new DemoCluster() {
            @Override
            public void start() {
                playground.up(2, false, mode, wanLatency);
            }

            @Override
            public String mode() {
                return mode.id();
            }

            @Override
            public java.util.Map<Long, String> processes() {
                return playground.processKinds();
            }

            @Override
            public @org.jspecify.annotations.Nullable String aotCache() {
                return mode == ServiceMode.REGION_NODE ? playground.aotCacheState() : null;
            }

            @Override
            public boolean servicesRunning() {
                return playground.status().stream()
                        .anyMatch(c -> c.healthy()
                                && java.util.Arrays.stream(ComponentKind.values())
                                        .anyMatch(k -> k.isService() && k.id().equals(c.kind())));
            }

            @Override
            public String url(Region region, ComponentKind kind) {
                return "http://127.0.0.1:" + playground.ports().port(region, kind);
            }

            @Override
            public String opsUrl(Region region) {
                return "http://127.0.0.1:" + playground.ports().gatewayOps(region);
            }

            @Override
            public Connection rootConnection(Region region) throws SQLException {
                return playground.rootConnection(region);
            }

            @Override
            public String operatorPassword() {
                return playground.credentials().operatorPassword();
            }

            @Override
            public void kill(Region region) {
                playground.kill(region);
            }

            @Override
            public void restart(Region region) {
                playground.restart(region);
            }
        };
    }
}
