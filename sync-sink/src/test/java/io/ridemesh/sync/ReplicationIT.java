package io.ridemesh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.sync.apply.Apply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Replication on three regions of real MariaDB and a real Kafka broker (issue: sync-sink, 4a-g).
 * Every region writes locally with the versioned CAS of ARCHITECTURE 2; capture and apply run in
 * this JVM per region.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {

    static final Duration CONVERGE = SyncRegions.CONVERGE;

    static SyncRegions cluster;
    static Map<Region, Writer> writers = new HashMap<>();
    static Region a;
    static Region b;
    static Region c;

    @BeforeAll
    static void start() throws SQLException {
        cluster = new SyncRegions();
        a = cluster.regions.get(0);
        b = cluster.regions.get(1);
        c = cluster.regions.get(2);
        for (Region r : cluster.regions) {
            writers.put(r, writer(r, InstantSource.system()));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static Writer writer(Region r, InstantSource time) {
        return new Writer(cluster.serviceData.get(r), HybridLogicalClock.create(time, Duration.ofMillis(500)), r.id());
    }

    @Test
    @Order(1)
    void insertsUpdatesAndDeletesMadeInAAppearInBAndC() throws Exception {
        Writer w = writers.get(a);
        w.upsert(1, "created", 10, false);
        w.upsert(2, "created", 20, false);
        w.upsert(1, "updated", 11, false);
        w.upsert(2, "gone", 20, true);
        for (Region r : List.of(b, c)) {
            await().atMost(CONVERGE).untilAsserted(() -> {
                assertThat(row(r, 1)).contains("updated/11/0");
                assertThat(row(r, 2)).contains("gone/20/1");
            });
            // delivery (Kafka send -> applied) is part of lag (row written -> applied), per record; both are
            // recorded just after the commit that made the rows visible
            var registry = cluster.registries.get(r);
            await().atMost(CONVERGE).untilAsserted(() -> {
                var lag = registry.get("sync.apply.lag").tag("source", "a").timer();
                var delivery =
                        registry.get("sync.apply.delivery").tag("source", "a").timer();
                assertThat(delivery.count()).isEqualTo(lag.count()).isPositive();
                assertThat(delivery.max(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(lag.max(TimeUnit.MILLISECONDS));
            });
        }
    }

    @Test
    @Order(2)
    void regionalTablesWithoutTheContractAreNotReplicated() throws Exception {
        try (Connection conn = cluster.serviceData.get(a).getConnection();
                Statement s = conn.createStatement()) {
            s.execute("INSERT INTO regional_cache VALUES (1, 'only in a')");
        }
        writers.get(a).upsert(3, "marker", 3, false);
        await().atMost(CONVERGE).until(() -> row(b, 3).isPresent());
        assertThat(scalar(cluster.serviceData.get(b), "SELECT COUNT(*) FROM regional_cache"))
                .isEqualTo("0");
    }

    @Test
    @Order(3)
    void concurrentConflictingWritesInSyncRegionsConvergeToTheGreatestMergeKey() throws Exception {
        int rows = 1000;
        int writesPerRegion = 2500;
        long firstId = 10_000;
        ConcurrentLinkedQueue<Writer.Write> committed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (Region r : cluster.regions) {
            for (int t = 0; t < 2; t++) {
                long seed = r.id() * 100L + t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    Writer w = writers.get(r);
                    for (int i = 0; i < writesPerRegion / 2; i++) {
                        long id = firstId + random.nextInt(rows);
                        boolean delete = random.nextInt(10) == 0;
                        Writer.Write done = w.upsert(id, r.name() + "-" + i, random.nextInt(1_000_000), delete);
                        if (done != null) {
                            committed.add(done);
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        await().atMost(CONVERGE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));

        Map<Long, Writer.Write> expected = committed.stream()
                .collect(Collectors.toMap(
                        Writer.Write::id,
                        w -> w,
                        (x, y) -> Comparator.comparingLong(Writer.Write::hlc)
                                                .thenComparingInt(Writer.Write::origin)
                                                .compare(x, y)
                                        >= 0
                                ? x
                                : y));
        assertThat(expected).hasSizeGreaterThan(rows / 2);
        for (Region r : cluster.regions) {
            Map<Long, String> actual = rows(r, firstId, firstId + rows);
            for (Writer.Write w : expected.values()) {
                assertThat(actual.get(w.id()))
                        .as("row %d in region %s", w.id(), r.name())
                        .isEqualTo(
                                w.payload() + "/" + w.amount() + "/" + w.deleted() + "/" + w.hlc() + "/" + w.origin());
            }
        }
        long conflicts = 0;
        for (Region r : cluster.regions) {
            conflicts += countConflicts(r);
        }
        assertThat(conflicts)
                .as("concurrent writes to the same rows are logged as conflicts")
                .isPositive();
    }

    @Test
    @Order(4)
    void nothingIsPublishedAfterQuiescence() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(endOffsets()).isEqualTo(before));
        assertThat(before.keySet())
                .extracting(TopicPartition::topic)
                .contains("repl.a.synctest.items", "repl.b.synctest.items", "repl.c.synctest.items")
                .noneMatch(t -> t.contains("regional_cache"));
    }

    @Test
    @Order(5)
    void applyKilledMidStreamAndRestartedStillConverges() throws Exception {
        Writer w = writers.get(a);
        for (int i = 0; i < 300; i++) {
            w.upsert(20_000 + i, "before-kill", i, false);
            if (i == 100) {
                cluster.applies.get(b).close();
            }
        }
        cluster.startApply(b);
        await().atMost(CONVERGE)
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));
    }

    @Test
    @Order(6)
    void replayOfEveryTopicFromOffsetZeroAppliesNothingTwice() throws Exception {
        List<String> converged = cluster.checksums("items");
        SyncSinkProperties p = cluster.props.get(b);
        // a fresh consumer group reads every topic from offset 0
        cluster.applies.get(b).close();
        long appliedBefore = cluster.metrics.get(b).appliedTotal();
        Apply replay = cluster.startApply(b, withGroupSuffix(p));
        long total = totalRecordsOfOthers(b);
        await().atMost(CONVERGE).until(() -> consumedAll(b, "apply-b-replay", total));
        assertThat(cluster.metrics.get(b).appliedTotal()).isEqualTo(appliedBefore);
        assertThat(cluster.checksums("items")).isEqualTo(converged);
        replay.close();
        cluster.startApply(b);
    }

    @Test
    @Order(7)
    void regionCClockAheadStillConvergesAndALaterWriteInAWins() throws Exception {
        Writer cAhead = writer(c, () -> Instant.now().plusMillis(400));
        Writer.Write fromC = cAhead.upsert(30_000, "from-c-ahead", 1, false);
        awaitRow(a, 30_000, "from-c-ahead");
        Writer.Write fromA = writers.get(a).upsert(30_000, "from-a-after", 2, false);
        assertThat(fromA.hlc()).isGreaterThan(fromC.hlc());
        for (Region r : cluster.regions) {
            awaitRow(r, 30_000, "from-a-after");
        }
    }

    @Test
    @Order(8)
    void rowsWrittenWithTheMariadbCommandLineClientReplicate() throws Exception {
        long hlc = HybridLogicalClock.of(System.currentTimeMillis(), 0);
        int port = cluster.playground.ports().port(a, ComponentKind.MARIADB);
        Process cli = cliWithPassword(port, hlc);
        cli.getOutputStream().close();
        assertThat(cli.waitFor())
                .as(new String(cli.getInputStream().readAllBytes()))
                .isZero();
        for (Region r : List.of(b, c)) {
            awaitRow(r, 40_000, "from-cli");
        }
    }

    @Test
    @Order(9)
    void aNullableColumnAddedInOneRegionWhileWritesFlowLosesNothing() throws Exception {
        try (Connection conn = cluster.serviceData.get(a).getConnection();
                Statement s = conn.createStatement()) {
            s.execute("ALTER TABLE items ADD COLUMN note VARCHAR(100) NULL");
        }
        for (int i = 0; i < 50; i++) {
            try (Connection conn = cluster.serviceData.get(a).getConnection();
                    PreparedStatement s = conn.prepareStatement("INSERT INTO items (id, payload, amount, version, hlc,"
                            + " origin_region, deleted, note) VALUES (?,?,?,1,?,1,0,?)")) {
                s.setLong(1, 50_000 + i);
                s.setString(2, "with-note");
                s.setLong(3, i);
                s.setLong(4, HybridLogicalClock.of(System.currentTimeMillis(), i));
                s.setString(5, "note-" + i);
                s.executeUpdate();
            }
        }
        // no stall: rows keep replicating to regions that lack the column
        writers.get(a).upsert(50_100, "after-ddl", 1, false);
        for (Region r : List.of(b, c)) {
            await().atMost(CONVERGE)
                    .until(() -> row(r, 50_100).isPresent() && row(r, 50_049).isPresent());
        }
        for (Region r : List.of(b, c)) {
            try (Connection conn = cluster.serviceData.get(r).getConnection();
                    Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE items ADD COLUMN note VARCHAR(100) NULL");
            }
        }
        for (Region r : List.of(b, c)) {
            await().atMost(CONVERGE).untilAsserted(() -> {
                try (Connection conn = cluster.serviceData.get(r).getConnection();
                        Statement s = conn.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT COUNT(*) FROM items WHERE id BETWEEN 50000 AND 50049 AND note = CONCAT('note-', id - 50000)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(50);
                }
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Process cliWithPassword(int port, long hlc) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        "mariadb",
                        "-h127.0.0.1",
                        "-P" + port,
                        "-uroot",
                        "synctest",
                        "-e",
                        "INSERT INTO items (id, payload, amount, version, hlc, origin_region, deleted) VALUES"
                                + " (40000, 'from-cli', 7, 1, " + hlc + ", 1, 0)")
                .redirectErrorStream(true);
        // the password travels in the environment, not on the command line
        pb.environment().put("MYSQL_PWD", cluster.rootPassword());
        return pb.start();
    }

    private static SyncSinkProperties withGroupSuffix(SyncSinkProperties p) {
        return new SyncSinkProperties(
                p.regionId(),
                p.regionName(),
                p.connector(),
                p.databaseHost(),
                p.databasePort(),
                p.cdcUser(),
                p.cdcPassword(),
                p.schemas(),
                p.kafkaBootstrap(),
                p.peers(),
                p.mergeKeys(),
                p.capture(),
                new SyncSinkProperties.Apply(
                        p.apply().maxBatch(),
                        p.apply().retryBackoff(),
                        p.apply().parkedRetryInterval(),
                        true,
                        "apply-" + p.regionName() + "-replay",
                        p.apply().gtidDomainId()));
    }

    @Test
    @Order(10)
    void applyWritesInItsOwnGtidDomainWhoseRowsCaptureDropsByOriginAlsoAfterARestart() throws Exception {
        long domain = cluster.props.get(b).apply().gtidDomainId();
        assertThat(domain).isEqualTo(SyncSinkProperties.Apply.DEFAULT_GTID_DOMAIN_BASE + b.id());
        cluster.captures.get(b).close();
        cluster.startCapture(b);
        long skippedBefore = cluster.metrics.get(b).captureSkippedTotal();
        long publishedBefore = cluster.metrics.get(b).capturedTotal();
        Writer fromA = writers.get(a);
        for (int i = 0; i < 50; i++) {
            fromA.upsert(60_000 + i, "applied-in-b", i, false);
        }
        await().atMost(CONVERGE).until(() -> row(b, 60_049).isPresent());
        assertThat(gtidBinlogPos(b)).as("b's binlog holds apply's domain").contains(domain + "-");
        // a's rows applied in b reach b's capture and are dropped there, never published back
        await().atMost(CONVERGE).until(() -> cluster.metrics.get(b).captureSkippedTotal() - skippedBefore >= 50);
        assertThat(cluster.metrics.get(b).capturedTotal()).isEqualTo(publishedBefore);
        writers.get(b).upsert(60_100, "written-in-b", 1, false);
        for (Region r : List.of(a, c)) {
            awaitRow(r, 60_100, "written-in-b");
        }
    }

    @Test
    @Order(11)
    void captureRestartsAfterTheBinlogsHoldingApplysDomainWerePurged() throws Exception {
        // Debezium resumes without apply's domain in its GTID position; the server must still serve it once the
        // binlogs that began that domain are gone (expire_logs_days does this in production). Production purges
        // only binlogs capture has read: rotate, let capture read past the rotation, then purge what came before.
        String rotatedTo;
        try (Connection conn = cluster.serviceData.get(b).getConnection();
                Statement s = conn.createStatement()) {
            s.execute("FLUSH BINARY LOGS");
            rotatedTo = currentBinlog(s);
        }
        writers.get(b).upsert(61_002, "written-in-b-after-rotation", 1, false);
        awaitRow(a, 61_002, "written-in-b-after-rotation");
        cluster.captures.get(b).close();
        // the closed capture's binlog dump thread may still hold the old file for a moment, and MariaDB then
        // purges nothing without an error: purge until the rotated-to file is the oldest
        await().atMost(CONVERGE).until(() -> {
            try (Connection conn = cluster.serviceData.get(b).getConnection();
                    Statement s = conn.createStatement()) {
                s.execute("PURGE BINARY LOGS TO '" + rotatedTo + "'");
                return oldestBinlog(s).equals(rotatedTo);
            }
        });
        writers.get(a).upsert(61_000, "applied-after-purge", 1, false);
        await().atMost(CONVERGE).until(() -> row(b, 61_000).isPresent());
        writers.get(b).upsert(61_001, "written-in-b-after-purge", 1, false);
        cluster.startCapture(b);
        for (Region r : List.of(a, c)) {
            awaitRow(r, 61_001, "written-in-b-after-purge");
        }
    }

    /** The binlog file the server writes now. */
    static String currentBinlog(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The oldest binlog file the server still holds. */
    static String oldestBinlog(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    @Order(12)
    void withoutTheGrantForItsGtidDomainApplyRetriesVisiblyAndLosesNothing() throws Exception {
        String user = "'sync_sink'@'127.0.0.1'";
        try (Connection conn = cluster.serviceData.get(c).getConnection();
                Statement s = conn.createStatement()) {
            s.execute("REVOKE BINLOG REPLAY ON *.* FROM " + user);
        }
        // a global privilege change reaches new sessions only
        cluster.sinkData.get(c).getHikariPoolMXBean().softEvictConnections();
        writers.get(a).upsert(62_000, "while-c-lacks-the-grant", 1, false);
        Apply applyC = cluster.applies.get(c);
        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(applyC.state()).isEqualTo(Apply.State.RETRYING);
            assertThat(applyC.lastError()).contains("grant BINLOG REPLAY");
        });
        assertThat(row(c, 62_000)).isEmpty();
        try (Connection conn = cluster.serviceData.get(c).getConnection();
                Statement s = conn.createStatement()) {
            s.execute("GRANT BINLOG REPLAY ON *.* TO " + user);
        }
        awaitRow(c, 62_000, "while-c-lacks-the-grant");
        assertThat(applyC.state()).isEqualTo(Apply.State.RUNNING);
    }

    @Test
    @Order(13)
    void writesMadeWhileTheKafkaBrokerRestartsReachEveryRegion() throws Exception {
        // the fixture's one cluster is region a's broker: stopped, every region keeps writing, then it comes back
        cluster.playground.stop(a, ComponentKind.KAFKA);
        for (int i = 0; i < 30; i++) {
            for (Region r : cluster.regions) {
                writers.get(r).upsert(70_000 + 100L * r.id() + i, "while-kafka-was-down-" + r.name(), i, false);
            }
        }
        cluster.playground.up(3, true);
        for (Region r : cluster.regions) {
            for (Region from : cluster.regions) {
                awaitRow(r, 70_000 + 100L * from.id() + 29, "while-kafka-was-down-" + from.name());
            }
        }
        await().atMost(CONVERGE)
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));
        for (Region r : cluster.regions) {
            assertThat(cluster.applies.get(r).state()).isEqualTo(Apply.State.RUNNING);
        }
    }

    /** Waits until region {@code r} holds row {@code id} with a payload starting {@code payload}. */
    static void awaitRow(Region r, long id, String payload) {
        cluster.awaitRow(r, id, payload);
    }

    static String gtidBinlogPos(Region r) throws SQLException {
        return scalar(cluster.serviceData.get(r), "SELECT @@gtid_binlog_pos");
    }

    /** The one value a query answers. */
    static String scalar(javax.sql.DataSource data, String sql) throws SQLException {
        try (Connection conn = data.getConnection();
                Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Optional<String> row(Region r, long id) throws SQLException {
        return cluster.row(r, id);
    }

    static Map<Long, String> rows(Region r, long from, long to) throws SQLException {
        Map<Long, String> rows = new HashMap<>();
        try (Connection conn = cluster.serviceData.get(r).getConnection();
                PreparedStatement s = conn.prepareStatement("SELECT id, CONCAT_WS('/', payload, amount, deleted, hlc,"
                        + " origin_region) FROM items WHERE id >= ? AND id < ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    static long countConflicts(Region r) throws SQLException {
        return Long.parseLong(scalar(cluster.sinkData.get(r), "SELECT COUNT(*) FROM conflict_log"));
    }

    static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.playground.kafkaBootstrap());
        return Admin.create(p);
    }

    static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith("repl."))
                    .toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
    }

    static long totalRecordsOfOthers(Region self) throws Exception {
        return endOffsets().entrySet().stream()
                .filter(e -> !e.getKey().topic().startsWith("repl." + self.name() + "."))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    static boolean consumedAll(Region self, String group, long total) throws Exception {
        try (Admin admin = admin()) {
            long committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                            .mapToLong(o -> o == null ? 0 : o.offset())
                            .sum();
            return committed >= total;
        }
    }
}
