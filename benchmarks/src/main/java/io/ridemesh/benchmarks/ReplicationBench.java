package io.ridemesh.benchmarks;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./platform bench replication}: region a -> region b lag of sync-sink (binlog capture ->
 * Kafka -> apply) against native MariaDB async replication for the same workload, on the same
 * machine in the same run.
 *
 * <p>Workload: single-row insert transactions into {@code bench.items} at a fixed rate, each row
 * carrying its HLC (physical ms = source write time). Lag of a row = the time the target's
 * {@code BEFORE INSERT} trigger stamps ({@code NOW(6)}) minus the row's HLC physical ms; the
 * same trigger measures both systems (native replicas run row-event triggers with
 * {@code slave_run_triggers_for_rbr=YES}). A warm-up phase (JIT) is discarded. The highest sustained
 * apply rate is measured on a backlog: b's sync-sink is stopped, rows accumulate in Kafka, then
 * b applies them all; rate = rows / (last stamp - first stamp).
 */
public final class ReplicationBench {

    /**
     * Figures of one rate, in ms. {@code stages} splits sync-sink's lag of each row at the Kafka record's
     * timestamp (set by capture's producer when it sends): capture = send time - row HLC, delivery = applied
     * time - send time (broker ack, fetch, apply transaction); p50 and p99 of each.
     */
    public record RateResult(
            int rate,
            long rows,
            double p50,
            double p99,
            double max,
            double nativeP50,
            double nativeP99,
            double nativeMax,
            Stages stages) {}

    /** p50 and p99 in ms of capture (row HLC -> Kafka send) and delivery (Kafka send -> applied in the target). */
    public record Stages(double captureP50, double captureP99, double deliveryP50, double deliveryP99) {}

    private final Playground playground;
    private final Consumer<String> out;
    private final Region a = Region.of(1);
    private final Region b = Region.of(2);

    public ReplicationBench(Playground playground, Consumer<String> out) {
        this.playground = playground;
        this.out = out;
    }

    /**
     * Runs the benchmark and answers its JSON summary (one line).
     *
     * @param rates rows per second to measure, e.g. [1000, 5000]
     * @param seconds measured seconds per rate
     * @param warmupSeconds seconds of unmeasured load on sync-sink at each rate before measuring it; the native
     *     pair gets 5 s (MariaDB has no JIT to warm)
     * @param backlogRows rows of the apply-throughput backlog
     */
    public Map<String, Object> run(List<Integer> rates, int seconds, int warmupSeconds, int backlogRows)
            throws Exception {
        return run(rates, seconds, warmupSeconds, backlogRows, Duration.ZERO);
    }

    /**
     * Runs the benchmark across a WAN of {@code wanLatency} one way (a tenth of it as jitter): b's apply reaches a's
     * Kafka through b's WAN proxy, and the native replica reaches its source through a link of the same latency.
     *
     * @see #run(List, int, int, int)
     */
    public Map<String, Object> run(
            List<Integer> rates, int seconds, int warmupSeconds, int backlogRows, Duration wanLatency)
            throws Exception {
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0 seconds, but was " + warmupSeconds);
        }
        out.accept("starting 2 regions (MariaDB, Kafka, WAN proxies with " + wanLatency.toMillis()
                + " ms latency) and their sync-sinks ...");
        playground.up(2, true, io.ridemesh.infra.cluster.ServiceMode.REGION_NODE, wanLatency);
        io.netty.channel.EventLoopGroup wan = io.ridemesh.infra.cluster.WanLink.eventLoops();
        try {
            return measure(rates, seconds, warmupSeconds, backlogRows, wanLatency, wan);
        } finally {
            wan.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> measure(
            List<Integer> rates,
            int seconds,
            int warmupSeconds,
            int backlogRows,
            Duration wanLatency,
            io.netty.channel.EventLoopGroup wan)
            throws Exception {
        for (Region r : List.of(a, b)) {
            createBenchTable(playground.jdbcUrl(r, ""), r == b);
            try (Connection c = playground.rootConnection(r);
                    Statement s = c.createStatement()) {
                s.execute("GRANT SELECT, INSERT, UPDATE ON bench.* TO 'sync_sink'@'127.0.0.1'");
            }
        }
        Map<String, String> env = Map.of("SYNC_SCHEMAS", "bench");
        playground.startService(a, ComponentKind.SYNC_SINK, env);
        playground.startService(b, ComponentKind.SYNC_SINK, env);

        out.accept("starting the native replication pair ...");
        String nativeSource = playground.startExtraMariaDb(0);
        String nativeReplica = playground.startExtraMariaDb(1);
        // the native replica reaches its source across a WAN link of the same latency as sync-sink's
        int nativeLink = playground.ports().nativeReplicationPort(2);
        io.ridemesh.infra.cluster.WanLink link = new io.ridemesh.infra.cluster.WanLink(
                wan,
                nativeLink,
                playground.ports().nativeReplicationPort(0),
                wanLatency.toMillis(),
                wanLatency.toMillis() / 10);
        try {
            return measureBoth(
                    rates,
                    seconds,
                    warmupSeconds,
                    backlogRows,
                    wanLatency,
                    env,
                    nativeSource,
                    nativeReplica,
                    nativeLink);
        } finally {
            link.close();
        }
    }

    private Map<String, Object> measureBoth(
            List<Integer> rates,
            int seconds,
            int warmupSeconds,
            int backlogRows,
            Duration wanLatency,
            Map<String, String> env,
            String nativeSource,
            String nativeReplica,
            int nativeLink)
            throws Exception {
        setUpNativeReplication(nativeSource, nativeReplica, nativeLink);

        String sourceUrl = playground.jdbcUrl(a, "bench");
        String targetUrl = playground.jdbcUrl(b, "bench");
        String nativeSourceUrl = nativeSource + "bench";
        String nativeReplicaUrl = nativeReplica + "bench";

        AtomicLong ids = new AtomicLong(1);
        List<RateResult> results = new ArrayList<>();
        for (int rate : rates) {
            // Three JVMs (two sync-sinks, the broker) compile their hot paths under load for about a minute; on two
            // cores their JIT threads take a third of the machine meanwhile, and the lag of rows written then is
            // the compiler's, not replication's (at 1,000 rows/s, 15 s windows: p99 919 ms in the first, 58 ms
            // after 60 s). Each rate is warmed up at that rate: a higher rate runs larger batches through paths
            // the lower one left cold (5,000 rows/s measured right after 1,000: p99 82-137 ms in three runs; after
            // its own 60 s warm-up, one 60 s run: 42 ms).
            out.accept("warming up (" + warmupSeconds + " s at " + rate + " rows/s on sync-sink, 5 s on native) ...");
            write(sourceUrl, rate, warmupSeconds, ids);
            awaitCaughtUp(targetUrl, ids.get() - 1);
            write(nativeSourceUrl, rate, 5, ids);
            awaitCaughtUp(nativeReplicaUrl, ids.get() - 1);
            out.accept("measuring " + rate + " rows/s for " + seconds + " s (sync-sink) ...");
            long from = ids.get();
            long fromMs = System.currentTimeMillis();
            write(sourceUrl, rate, seconds, ids);
            awaitCaughtUp(targetUrl, ids.get() - 1);
            List<Applied> applied = applied(targetUrl, from, ids.get());
            double[] ours = lagStats(applied);
            Stages stages = stages(applied, from, ids.get(), fromMs);
            out.accept("measuring " + rate + " rows/s for " + seconds + " s (native replication) ...");
            long nativeFrom = ids.get();
            write(nativeSourceUrl, rate, seconds, ids);
            awaitCaughtUp(nativeReplicaUrl, ids.get() - 1);
            double[] nat = lagStats(applied(nativeReplicaUrl, nativeFrom, ids.get()));
            results.add(new RateResult(
                    rate, ids.get() - nativeFrom, ours[0], ours[1], ours[2], nat[0], nat[1], nat[2], stages));
        }

        out.accept("measuring apply throughput on a backlog of " + backlogRows + " rows ...");
        playground.stop(b, ComponentKind.SYNC_SINK);
        long backlogFrom = ids.get();
        bulkInsert(sourceUrl, backlogRows, ids);
        long backlogTo = ids.get();
        awaitPublished();
        playground.startService(b, ComponentKind.SYNC_SINK, env);
        awaitCaughtUp(targetUrl, backlogTo - 1);
        double applyRate = applyRate(targetUrl, backlogFrom, backlogTo);

        printTable(results, applyRate);
        RateResult first = results.get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wan_latency_ms", wanLatency.toMillis());
        json.put("rate_rows_per_s", first.rate());
        json.put("lag_p50_ms", round(first.p50()));
        json.put("lag_p99_ms", round(first.p99()));
        json.put("lag_max_ms", round(first.max()));
        json.put("native_lag_p99_ms", round(first.nativeP99()));
        json.put("ratio_p99", round(first.p99() / Math.max(0.001, first.nativeP99())));
        json.put("max_apply_rows_per_s", Math.round(applyRate));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RateResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rate_rows_per_s", r.rate());
            m.put("lag_p50_ms", round(r.p50()));
            m.put("lag_p99_ms", round(r.p99()));
            m.put("lag_max_ms", round(r.max()));
            m.put("native_lag_p50_ms", round(r.nativeP50()));
            m.put("native_lag_p99_ms", round(r.nativeP99()));
            m.put("ratio_p99", round(r.p99() / Math.max(0.001, r.nativeP99())));
            m.put("capture_p50_ms", round(r.stages().captureP50()));
            m.put("capture_p99_ms", round(r.stages().captureP99()));
            m.put("delivery_p50_ms", round(r.stages().deliveryP50()));
            m.put("delivery_p99_ms", round(r.stages().deliveryP99()));
            runs.add(m);
        }
        json.put("runs", runs);
        return json;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void printTable(List<RateResult> results, double applyRate) {
        out.accept("");
        out.accept(String.format(
                "%-10s %8s | %-28s | %-28s | %s",
                "rate/s", "rows", "sync-sink p50 / p99 / max ms", "native p50 / p99 / max ms", "p99 ratio"));
        for (RateResult r : results) {
            out.accept(String.format(
                    "%-10d %8d | %8.1f %8.1f %9.1f | %8.1f %8.1f %9.1f | %6.1fx",
                    r.rate(),
                    r.rows(),
                    r.p50(),
                    r.p99(),
                    r.max(),
                    r.nativeP50(),
                    r.nativeP99(),
                    r.nativeMax(),
                    r.p99() / Math.max(0.001, r.nativeP99())));
        }
        out.accept("");
        out.accept(String.format(
                "%-10s | %-30s | %-30s", "rate/s", "capture p50 / p99 ms", "delivery + apply p50 / p99 ms"));
        for (RateResult r : results) {
            out.accept(String.format(
                    "%-10d | %14.1f %15.1f | %14.1f %15.1f",
                    r.rate(),
                    r.stages().captureP50(),
                    r.stages().captureP99(),
                    r.stages().deliveryP50(),
                    r.stages().deliveryP99()));
        }
        out.accept("(capture: row written -> capture's Kafka send; delivery + apply: send -> row applied in b)");
        out.accept(String.format("highest sustained apply rate (backlog): %.0f rows/s", applyRate));
    }

    private void createBenchTable(String rootUrl, boolean target) throws SQLException {
        try (Connection c = DriverManager.getConnection(rootUrl, "root", rootPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench");
            s.execute("DROP TABLE IF EXISTS bench.items");
            s.execute("CREATE TABLE bench.items (id BIGINT PRIMARY KEY, payload VARCHAR(100) NOT NULL,"
                    + " version BIGINT NOT NULL, hlc BIGINT NOT NULL, origin_region INT NOT NULL,"
                    + " deleted TINYINT NOT NULL DEFAULT 0, applied_us BIGINT NULL)");
            if (target) {
                s.execute("CREATE TRIGGER bench.stamp BEFORE INSERT ON bench.items FOR EACH ROW"
                        + " SET NEW.applied_us = FLOOR(UNIX_TIMESTAMP(SYSDATE(6)) * 1000000)");
            }
        }
    }

    /** Makes {@code replica} replicate {@code source}, reaching it at {@code sourcePort} (a WAN link to it). */
    private void setUpNativeReplication(String source, String replica, int sourcePort) throws SQLException {
        String user = "repl";
        String password = playground.credentials().dbPassword("root");
        try (Connection c = DriverManager.getConnection(source, "root", rootPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT REPLICATION SLAVE ON *.* TO '" + user + "'@'127.0.0.1'");
        }
        try (Connection c = DriverManager.getConnection(replica, "root", rootPassword());
                Statement s = c.createStatement()) {
            s.execute("STOP SLAVE");
            s.execute("SET GLOBAL slave_run_triggers_for_rbr = 'YES'");
            s.execute("RESET SLAVE ALL");
            s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + sourcePort + ", MASTER_USER='" + user
                    + "', MASTER_PASSWORD='" + password + "', MASTER_USE_GTID=slave_pos");
            s.execute("START SLAVE");
        }
        // the table is created on the source and replicated; the trigger exists on the replica only
        createBenchTableOnNativeSource(source);
        awaitTable(replica);
        try (Connection c = DriverManager.getConnection(replica, "root", rootPassword());
                Statement s = c.createStatement()) {
            // a kept or interrupted earlier run may have left the replica's data directory behind
            s.execute("DROP TRIGGER IF EXISTS bench.stamp");
            s.execute("CREATE TRIGGER bench.stamp BEFORE INSERT ON bench.items FOR EACH ROW"
                    + " SET NEW.applied_us = FLOOR(UNIX_TIMESTAMP(SYSDATE(6)) * 1000000)");
        }
    }

    private void createBenchTableOnNativeSource(String source) throws SQLException {
        try (Connection c = DriverManager.getConnection(source, "root", rootPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench");
            s.execute("CREATE TABLE IF NOT EXISTS bench.items (id BIGINT PRIMARY KEY, payload VARCHAR(100) NOT NULL,"
                    + " version BIGINT NOT NULL, hlc BIGINT NOT NULL, origin_region INT NOT NULL,"
                    + " deleted TINYINT NOT NULL DEFAULT 0, applied_us BIGINT NULL)");
        }
    }

    private void awaitTable(String replica) throws SQLException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = DriverManager.getConnection(replica, "root", rootPassword());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE"
                            + " TABLE_SCHEMA = 'bench' AND TABLE_NAME = 'items'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
            }
            pause(100);
        }
        throw new IllegalStateException("native replica did not receive bench.items within 60 s");
    }

    /** Single-row insert transactions at {@code rate} rows/s for {@code seconds}, 4 writer threads. */
    private void write(String url, int rate, int seconds, AtomicLong ids) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        HybridLogicalClock clock = HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500));
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        AtomicLong issued = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                        PreparedStatement s = c.prepareStatement("INSERT INTO items (id, payload, version, hlc,"
                                + " origin_region, deleted) VALUES (?, 'bench', 1, ?, 1, 0)")) {
                    while (true) {
                        long n = issued.getAndIncrement();
                        if (n >= total) {
                            return null;
                        }
                        long due = start + n * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        s.setLong(1, ids.getAndIncrement());
                        s.setLong(2, clock.now());
                        s.executeUpdate();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private void bulkInsert(String url, int rows, AtomicLong ids) throws SQLException {
        HybridLogicalClock clock = HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500));
        try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                PreparedStatement s = c.prepareStatement("INSERT INTO items (id, payload, version, hlc,"
                        + " origin_region, deleted) VALUES (?, 'backlog', 1, ?, 1, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                s.setLong(1, ids.getAndIncrement());
                s.setLong(2, clock.now());
                s.addBatch();
                if (i % 500 == 499) {
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            c.commit();
        }
    }

    /** Waits until capture has published every row of region a's table (no writes run meanwhile). */
    private void awaitPublished() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", playground.kafkaBootstrap(a));
        long rows = countRows(playground.jdbcUrl(a, "bench"));
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline) {
                var d = admin.describeTopics(List.of("repl.a.bench.items"))
                        .allTopicNames()
                        .get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> req = new LinkedHashMap<>();
                d.get("repl.a.bench.items")
                        .partitions()
                        .forEach(tp -> req.put(
                                new TopicPartition("repl.a.bench.items", tp.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest()));
                long end = admin.listOffsets(req).all().get().values().stream()
                        .mapToLong(o -> o.offset())
                        .sum();
                if (end >= rows) {
                    return;
                }
                pause(200);
            }
            throw new IllegalStateException("capture did not publish the backlog within 300 s");
        }
    }

    private long countRows(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitCaughtUp(String url, long lastId) throws SQLException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                    PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM items WHERE id = ?")) {
                s.setLong(1, lastId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        return;
                    }
                }
            }
            pause(50);
        }
        throw new IllegalStateException("target " + url + " did not receive row " + lastId + " within 300 s");
    }

    /** A row as the target holds it: id, the trigger's applied time (µs since the epoch), its HLC. */
    private record Applied(long id, long appliedUs, long hlc) {}

    /** The target's rows with ids in [from, to). */
    private List<Applied> applied(String url, long from, long to) throws SQLException {
        List<Applied> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                PreparedStatement s =
                        c.prepareStatement("SELECT id, applied_us, hlc FROM items WHERE id >= ? AND id < ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Applied(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return rows;
    }

    /** p50, p99, max of (applied - written) in ms over {@code rows}. */
    private static double[] lagStats(List<Applied> rows) {
        List<Double> lags = new ArrayList<>();
        for (Applied row : rows) {
            lags.add(Math.max(0, row.appliedUs() / 1000.0 - HybridLogicalClock.physicalMs(row.hlc())));
        }
        return new double[] {percentile(lags, 0.50), percentile(lags, 0.99), percentile(lags, 1.0)};
    }

    /**
     * Splits the lag of the target's {@code rows} (ids in [from, to)) at their Kafka record timestamps (capture's
     * send time), read back from {@code repl.a.bench.items} from {@code sinceMs} on.
     */
    private Stages stages(List<Applied> rows, long from, long to, long sinceMs) {
        Map<Long, Long> sentMs = new java.util.HashMap<>();
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", playground.kafkaBootstrap(a));
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "5000");
        String topic = "repl.a.bench.items";
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> since = new LinkedHashMap<>();
            partitions.forEach(tp -> since.put(tp, sinceMs));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.offsetsForTimes(since)
                    .forEach((tp, o) -> consumer.seek(tp, o == null ? ends.get(tp) : o.offset()));
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher m = KEY_ID.matcher(r.key());
                    if (m.find()) {
                        long id = Long.parseLong(m.group(1));
                        if (id >= from && id < to) {
                            sentMs.put(id, r.timestamp());
                        }
                    }
                }
            }
        }
        List<Double> capture = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        for (Applied row : rows) {
            Long sent = sentMs.get(row.id());
            if (sent != null) {
                capture.add((double) Math.max(0, sent - HybridLogicalClock.physicalMs(row.hlc())));
                delivery.add(Math.max(0, row.appliedUs() / 1000.0 - sent));
            }
        }
        return new Stages(
                percentile(capture, 0.50),
                percentile(capture, 0.99),
                percentile(delivery, 0.50),
                percentile(delivery, 0.99));
    }

    private static final Pattern KEY_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    /** The {@code q} quantile (nearest rank below) of {@code values}, 0 when empty; sorts {@code values}. */
    private static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        values.sort(Double::compare);
        return values.get((int) (q * (values.size() - 1)));
    }

    private double applyRate(String url, long from, long to) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", rootPassword());
                PreparedStatement s = c.prepareStatement(
                        "SELECT MIN(applied_us), MAX(applied_us), COUNT(*) FROM items WHERE id >= ? AND id < ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double seconds = Math.max(1, rs.getLong(2) - rs.getLong(1)) / 1_000_000.0;
                return rs.getLong(3) / seconds;
            }
        }
    }

    private String rootPassword() {
        return playground.credentials().dbPassword("root");
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
