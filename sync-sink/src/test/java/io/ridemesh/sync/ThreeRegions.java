package io.ridemesh.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.Region;
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
 * Test fixture: an infra-only 3-region playground (MariaDB per region; region a's Kafka used by all) and, per
 * region, sync-sink's capture and apply running in this JVM against it. Tables under test live in
 * the {@code synctest} schema.
 */
final class ThreeRegions implements AutoCloseable {

    final Playground playground;
    final List<Region> regions = List.of(Region.of(1), Region.of(2), Region.of(3));
    final Map<Region, HikariDataSource> serviceData = new java.util.HashMap<>();
    final Map<Region, HikariDataSource> sinkData = new java.util.HashMap<>();
    final Map<Region, Capture> captures = new java.util.HashMap<>();
    final Map<Region, Apply> applies = new java.util.HashMap<>();
    final Map<Region, SyncMetrics> metrics = new java.util.HashMap<>();
    final Map<Region, SimpleMeterRegistry> registries = new java.util.HashMap<>();
    final Map<Region, SyncSinkProperties> props = new java.util.HashMap<>();

    ThreeRegions() throws SQLException {
        Path repo = Path.of(System.getProperty("ridemesh.repo", "..")).toAbsolutePath();
        playground = Playground.create(repo, Path.of("target/platform-it"), new PortPlan(11000), System.out::println);
        playground.down(true);
        playground.up(3, true);
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
            startApply(r);
        }
    }

    SyncSinkProperties propsOf(Region r) {
        return new SyncSinkProperties(
                r.id(),
                r.name(),
                "mariadb",
                "127.0.0.1",
                playground.ports().port(r, ComponentKind.MARIADB),
                "cdc",
                playground.credentials().dbPassword("cdc"),
                List.of("synctest"),
                playground.kafkaBootstrap(),
                Map.of(), // one cluster (region a's) for all three regions: apply's shared-cluster mode
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
        captures.values().forEach(Capture::close);
        serviceData.values().forEach(HikariDataSource::close);
        sinkData.values().forEach(HikariDataSource::close);
        playground.down(true);
    }
}
