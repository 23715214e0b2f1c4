package io.ridemesh.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.sync.apply.Applies;
import io.ridemesh.sync.apply.Apply;
import io.ridemesh.sync.capture.Capture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Test fixture: an infra-only playground of N regions and, per
 * region, sync-sink's capture and apply running in this JVM against it. Tables under test live in
 * the {@code synctest} schema.
 */
final class SyncRegions implements AutoCloseable {

    final Playground playground;
    final List<Region> regions;
    /**
     * True: every region's capture publishes to its own region's Kafka and its applies consume each peer's
     * ({@link #appliesOf}); false: all use region a's Kafka as one shared cluster ({@link #applies}).
     */
    final boolean clusterPerRegion;

    final Map<Region, Applies> appliesOf = new java.util.HashMap<>();
    final Map<Region, HikariDataSource> serviceData = new java.util.HashMap<>();
    final Map<Region, HikariDataSource> sinkData = new java.util.HashMap<>();
    final Map<Region, Capture> captures = new java.util.HashMap<>();
    final Map<Region, Apply> applies = new java.util.HashMap<>();
    final Map<Region, SyncMetrics> metrics = new java.util.HashMap<>();
    final Map<Region, SimpleMeterRegistry> registries = new java.util.HashMap<>();
    final Map<Region, SyncSinkProperties> props = new java.util.HashMap<>();

    /** Three regions sharing region a's Kafka (the shared-cluster mode of apply). */
    SyncRegions() throws SQLException {
        this(3, false);
    }

    /**
     * @param count regions a, b, ...
     * @param clusterPerRegion see {@link #clusterPerRegion}
     */
    SyncRegions(int count, boolean clusterPerRegion) throws SQLException {
        this.clusterPerRegion = clusterPerRegion;
        List<Region> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(Region.of(i));
        }
        this.regions = List.copyOf(all);
        Path repo = Path.of(System.getProperty("ridemesh.repo", "..")).toAbsolutePath();
        playground = Playground.create(repo, Path.of("target/platform-it"), new PortPlan(11000), System.out::println);
        playground.down(true);
        playground.up(count, true);
        for (Region r : regions) {
            try (Connection c = playground.rootConnection(r);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE synctest");
                s.execute("CREATE TABLE synctest.items (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL,"
                        + " amount BIGINT NOT NULL, version BIGINT NOT NULL, hlc BIGINT NOT NULL,"
                        + " origin_region INT NOT NULL, deleted TINYINT NOT NULL DEFAULT 0)");
                s.execute("CREATE TABLE synctest.regional_cache (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
                s.execute("GRANT SELECT, INSERT, UPDATE, ALTER ON synctest.* TO 'sync_sink'@'127.0.0.1'");
            }
            Flyway.configure()
                    .dataSource(
                            playground.jdbcUrl(r, "sync"),
                            "sync_sink",
                            playground.credentials().dbPassword("sync-sink"))
                    .locations("classpath:db/migration/sync")
                    .load()
                    .migrate();
            serviceData.put(r, pool(playground.jdbcUrl(r, "synctest"), "root", rootPassword()));
            sinkData.put(r, pool(playground.jdbcUrl(r, "sync"), "sync_sink", sinkPassword()));
            props.put(r, propsOf(r));
            registries.put(r, new SimpleMeterRegistry());
            metrics.put(r, new SyncMetrics(registries.get(r), r.name()));
        }
        for (Region r : regions) {
            startCapture(r);
            if (clusterPerRegion) {
                startApplies(r);
            } else {
                startApply(r);
            }
        }
    }

    SyncSinkProperties propsOf(Region r) {
        return propsOf(r, clusterPerRegion ? playground.kafkaBootstrap(r) : playground.kafkaBootstrap());
    }

    /** Region {@code r}'s properties with {@code kafkaBootstrap} as its own cluster (capture, dead letters). */
    SyncSinkProperties propsOf(Region r, String kafkaBootstrap) {
        return new SyncSinkProperties(
                r.id(),
                r.name(),
                "mariadb",
                "127.0.0.1",
                playground.ports().port(r, ComponentKind.MARIADB),
                "cdc",
                playground.credentials().dbPassword("cdc"),
                List.of("synctest"),
                kafkaBootstrap,
                clusterPerRegion ? peersOf(r) : Map.of(), // else region a's cluster for all: the shared-cluster mode
                Map.of(),
                new SyncSinkProperties.Capture(Duration.ofMillis(5), Duration.ofMillis(500), true, null),
                new SyncSinkProperties.Apply(500, Duration.ofMillis(50), Duration.ofMillis(500), true, null, null));
    }

    void startCapture(Region r) {
        Capture capture =
                new Capture(props.get(r), playground.jdbcUrl(r, "sync"), "sync_sink", sinkPassword(), metrics.get(r));
        capture.start();
        captures.put(r, capture);
    }

    /** Each peer's cluster as {@code r} reaches it: through {@code r}'s WAN proxy, which partitions cut. */
    private Map<String, String> peersOf(Region r) {
        Map<String, String> peers = new java.util.HashMap<>();
        for (Region peer : regions) {
            if (!peer.equals(r)) {
                peers.put(peer.name(), playground.peerKafkaBootstrap(r, peer));
            }
        }
        return peers;
    }

    /** Region {@code r}'s applies, one per peer region's cluster (with {@link #clusterPerRegion}). */
    Applies startApplies(Region r) {
        Applies applies = Applies.of(
                props.get(r),
                sinkData.get(r),
                HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500)),
                metrics.get(r));
        applies.start();
        appliesOf.put(r, applies);
        return applies;
    }

    Apply startApply(Region r) {
        return startApply(r, props.get(r));
    }

    Apply startApply(Region r, SyncSinkProperties p) {
        Apply apply = new Apply(
                p,
                sinkData.get(r),
                HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500)),
                metrics.get(r));
        apply.start();
        applies.put(r, apply);
        return apply;
    }

    /** Longest wait for a change to reach a region. */
    static final Duration CONVERGE = Duration.ofSeconds(90);

    /** Row {@code id} of {@code synctest.items} in region {@code r} as {@code payload/amount/deleted}, if present. */
    java.util.Optional<String> row(Region r, long id) throws SQLException {
        try (Connection conn = serviceData.get(r).getConnection();
                java.sql.PreparedStatement s = conn.prepareStatement(
                        "SELECT CONCAT_WS('/', payload, amount, deleted) FROM items WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /** Waits up to {@link #CONVERGE} until region {@code r} holds row {@code id} with a payload starting {@code payload}. */
    void awaitRow(Region r, long id, String payload) {
        org.awaitility.Awaitility.await()
                .atMost(CONVERGE)
                .until(() -> row(r, id).filter(v -> v.startsWith(payload)).isPresent());
    }

    /** Per-table checksum over every column but {@code version} (a per-region CAS counter). */
    String checksum(Region r, String table) throws SQLException {
        try (Connection c = serviceData.get(r).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('#', id, payload, amount,"
                        + " hlc, origin_region, deleted))), 0) FROM synctest." + table)) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2);
        }
    }

    List<String> checksums(String table) throws SQLException {
        List<String> sums = new ArrayList<>();
        for (Region r : regions) {
            sums.add(checksum(r, table));
        }
        return sums;
    }

    String rootPassword() {
        return playground.credentials().dbPassword("root");
    }

    String sinkPassword() {
        return playground.credentials().dbPassword("sync-sink");
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        applies.values().forEach(Apply::close);
        appliesOf.values().forEach(Applies::close);
        captures.values().forEach(Capture::close);
        serviceData.values().forEach(HikariDataSource::close);
        sinkData.values().forEach(HikariDataSource::close);
        playground.down(true);
    }
}
