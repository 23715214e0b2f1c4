package io.ridemesh.gateway.support;

import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.gateway.health.RegionHealthMonitor;
import io.ridemesh.gateway.region.RegionState;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.testsupport.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway of region {@code a} on a random port, with H2 (MariaDB mode) for the routing schema and three
 * regions: {@code a} and {@code b} are {@link StubRegion}s, {@code c} points at a port nobody listens on (a dead
 * region). Probes run every 200 ms. The stubs live for the JVM, so every subclass shares one Spring context. Each test
 * starts from the seed routing table (nyc in a, chicago in b), no drills and empty stub logs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.rate-limit.enabled=false"})
public abstract class GatewayTestSupport {

    /** Points inside the units' boxes. */
    public static final String NYC = "{\"lat\":40.7527,\"lon\":-73.9772}";

    public static final String CHICAGO = "{\"lat\":41.8781,\"lon\":-87.6298}";

    protected static final StubRegion A = new StubRegion("a");
    protected static final StubRegion B = new StubRegion("b");
    /**
     * Region c's port: closed, and below the kernel's ephemeral range (32768+). A closed port
     * inside that range lets a loopback connect pick the same port as its own source and
     * self-connect ("simultaneous open"): the request then waits forever for an answer from itself.
     */
    protected static final int DEAD_PORT = closedPortBelowEphemeralRange(11000);

    /** The operator listener's port ({@code gateway.ops-server.port}), free when the context starts. */
    protected static final int OPS_PORT = closedPortBelowEphemeralRange(12500);

    private static final GlobalIdGenerator IDS = GlobalIdGenerator.create(1, 7, InstantSource.system());

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected RoutingTables routingTables;

    @Autowired
    protected RegionHealthMonitor health;

    @Autowired
    protected Regions regions;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:routing-" + UUID.randomUUID()
                        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("gateway.region-id", () -> "1");
        registry.add("gateway.region-name", () -> "a");
        registry.add("gateway.regions", () -> "a=1,b=2,c=3");
        registry.add("gateway.ops-server.port", () -> OPS_PORT);
        // the gateway's own calls (reading the sync-sinks' lag) with client credentials at the test issuer
        registry.add(
                "gateway.service-client.token-uri", () -> TestIssuer.shared().tokenUri());
        registry.add("gateway.service-client.client-id", () -> "gateway");
        registry.add("gateway.service-client.client-secret", () -> "test-secret-of-the-gateway");
        registry.add("gateway.health.probe-interval", () -> "300ms");
        registry.add("gateway.health.probe-timeout", () -> "150ms");
        registry.add("gateway.health.failures-before-unhealthy", () -> "2");
        registry.add("gateway.downstream.request-timeout", () -> "1s");
        registry.add("gateway.downstream.minimum-calls", () -> "4");
        registry.add("gateway.downstream.sliding-window-size", () -> "4");
        registry.add("gateway.downstream.wait-in-open-state", () -> "30s");
        for (StubRegion stub : new StubRegion[] {A, B}) {
            for (String service : new String[] {"order-service", "pricing-service", "dispatch-service", "sync-sink"}) {
                registry.add("gateway.endpoints." + stub.region() + "." + service, () -> stub.url(service));
            }
        }
        for (String service : new String[] {"order-service", "pricing-service", "dispatch-service", "sync-sink"}) {
            registry.add("gateway.endpoints.c." + service, () -> "http://127.0.0.1:" + DEAD_PORT);
        }
    }

    @BeforeEach
    void resetDeployment() {
        jdbc.update("UPDATE unit_home SET home_region = unit_id, moved_at_ms = NULL, version = version + 1");
        jdbc.update("DELETE FROM drill");
        routingTables.refresh();
        A.clear();
        B.clear();
        A.healthy(true);
        B.healthy(true);
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    protected static String bearer(String role, String sub) {
        return "Bearer " + Tokens.of(role, sub);
    }

    /** A fresh ride (or offer) id of {@code unit}, as order-service or dispatch-service would issue it. */
    protected static long idOf(int unit) {
        return IDS.nextId(unit);
    }

    /** Waits until the probes saw a and b UP and c DOWN. */
    protected void awaitRegionsProbed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> health.of(regions.resolve("a").orElseThrow()).state() == RegionState.UP
                        && health.of(regions.resolve("b").orElseThrow()).state() == RegionState.UP
                        && health.of(regions.resolve("c").orElseThrow()).state() == RegionState.DOWN);
    }

    private static int closedPortBelowEphemeralRange(int from) {
        for (int port = from; port < from + 1000; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try the next one
            }
        }
        throw new IllegalStateException("no closed port in " + from + ".." + (from + 999));
    }
}
