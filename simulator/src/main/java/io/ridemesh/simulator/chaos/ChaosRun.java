package io.ridemesh.simulator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.simulator.demo.Convergence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./platform chaos}: concurrent writes in every region of an N-region playground, on the replicated
 * {@code rides.rides} table with its real merge key {@code (terminal, hlc, origin_region)}, while faults are injected
 * at random moments; then, after healing and quiescence, the checks of the replicated-row contract.
 *
 * <p><b>Writes</b> (one writer per region, {@link Options#writesPerSecond} each) follow order-service's contract:
 * an insert at version 1, or a compare-and-set update of a ride that exists locally and is not terminal (advance its
 * status, complete it or cancel it: terminal 1), with {@code hlc = GREATEST(now, hlc + 1)}. Updates pick from the
 * rides recently created in any region, so the same ride is moved forward in two regions at once, cancelled in one
 * and completed in another. A write is <em>acknowledged</em> when its transaction committed (a CAS that matched no row
 * is no write).
 *
 * <p><b>Faults</b>, one every {@link Options#faultEvery} on average on a timeline planned from the start (a fault slow
 * to inject delays the next one but not the rest; kinds in shuffled rounds, so each occurs): SIGKILL a
 * region's sync-sink (capture and apply) and start it again after a few seconds; restart a region's Kafka; cut two
 * regions apart through their WAN proxies for {@link Options#partition} (random within it), healing by itself; step a
 * region's writer clock {@value #CLOCK_STEP_MS} ms ahead (beyond the HLC's 500 ms maximum offset) for a while.
 *
 * <p><b>Checks</b>, after every fault is healed and the regions are quiet: the table's checksum is equal in every
 * region ({@code converged}); every acknowledged write is accounted for: it is the row's final version, or a causal
 * successor replaced it (an acknowledged update whose CAS expected its HLC), or it is the loser of a conflict in some
 * region's {@code sync.conflict_log} ({@code acked_lost} counts the rest); no conflict has the same version on both
 * sides ({@code duplicate_applies}); nothing is published after quiescence ({@code loops}: replication partitions
 * whose end offset still moved in 10 s); and peers counted the stepped clock
 * ({@code sync.apply.clock_offset_exceeded}).
 *
 * <p>Not thread-safe: one run per instance.
 */
public final class ChaosRun {

    /** How far a stepped writer clock runs ahead, in ms: four times the HLC's maximum offset of 500 ms. */
    public static final long CLOCK_STEP_MS = 2_000;

    /** The fault kinds, as named in the report. */
    enum Fault {
        SYNC_SINK_KILL("sync_sink_kill"),
        KAFKA_RESTART("kafka_restart"),
        PARTITION("partition"),
        CLOCK_STEP("clock_step");

        final String id;

        Fault(String id) {
            this.id = id;
        }
    }

    /**
     * What a run does.
     *
     * @param regions 2..8
     * @param duration how long the writers write (faults are injected meanwhile)
     * @param writesPerSecond per region
     * @param faultEvery mean time between faults
     * @param partition the longest partition (each lasts half of it to all of it)
     * @param seed of the random choices
     */
    public record Options(
            int regions,
            Duration duration,
            double writesPerSecond,
            Duration faultEvery,
            Duration partition,
            long seed) {

        public Options {
            if (regions < 2 || regions > Region.MAX_REGIONS) {
                throw new IllegalArgumentException(
                        "--regions must be in 2.." + Region.MAX_REGIONS + ", but was " + regions);
            }
            if (duration.toSeconds() < 10) {
                throw new IllegalArgumentException("the run must last at least 10 s, but was " + duration);
            }
            if (writesPerSecond <= 0 || writesPerSecond > 500) {
                throw new IllegalArgumentException("--rate must be in (0, 500] writes/s, but was " + writesPerSecond);
            }
            if (faultEvery.toSeconds() < 2) {
                throw new IllegalArgumentException("--fault-every must be at least 2 s, but was " + faultEvery);
            }
        }

        /** {@code ./platform chaos --minutes N}: 20 writes/s per region, a fault every 20 s, partitions of 30-90 s. */
        public static Options of(int regions, int minutes, long seed) {
            return new Options(
                    regions, Duration.ofMinutes(minutes), 20, Duration.ofSeconds(20), Duration.ofSeconds(90), seed);
        }
    }

    /** One acknowledged write: the ride, its version's HLC and origin, and the HLC it replaced (-1: an insert). */
    record AckedWrite(long id, long hlc, int origin, long prevHlc) {}

    private static final Pattern PK_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String[] ADVANCE = {"REQUESTED", "ASSIGNED", "DRIVER_ARRIVED", "IN_PROGRESS"};

    private final Playground playground;
    /** An operator's tokens (region a's issuer, trusted everywhere), once region a's identity-service has a key. */
    private volatile Tokens tokens;

    private final Options options;
    private final Consumer<String> out;
    private final Random random;
    private final List<Region> regions = new ArrayList<>();
    private final ConcurrentLinkedQueue<AckedWrite> acked = new ConcurrentLinkedQueue<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong casLost = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    /** Ids of recently created rides, any region: what updates pick from. */
    private final List<Long> recent = new ArrayList<>();

    private final Map<Region, AtomicLong> clockStepMs = new ConcurrentHashMap<>();
    /** The most clock-offset rejections the sync-sinks reported at once (a killed sync-sink forgets its count). */
    private final AtomicLong clockRejectionsSeen = new AtomicLong();

    private final Map<String, Integer> faults = new TreeMap<>();
    private final List<String> faultLog = new ArrayList<>();
    private volatile boolean writing;

    public ChaosRun(Playground playground, Options options, Consumer<String> out) {
        this.playground = playground;
        this.options = options;
        this.out = out;
        this.random = new Random(options.seed());
        for (int i = 1; i <= options.regions(); i++) {
            regions.add(Region.of(i));
            clockStepMs.put(Region.of(i), new AtomicLong());
        }
    }

    /**
     * Runs the scenario and answers its report (the JSON line's fields): {@code writes}, {@code acked},
     * {@code faults_injected}, {@code faults} (by kind), {@code converged}, {@code acked_lost},
     * {@code conflicts_logged}, {@code duplicate_applies}, {@code loops}, {@code clock_offset_rejections},
     * {@code checksum}, {@code quiesce_s}, {@code seed}.
     *
     * @throws Exception if the playground cannot start, or the regions do not quiesce in 5 minutes
     */
    public Map<String, Object> run() throws Exception {
        out.accept("starting " + regions.size()
                + " regions (MariaDB, Redis, Kafka, WAN proxies), their identity-services (whose tokens read the"
                + " sync-sinks' metrics) and sync-sinks ...");
        playground.up(regions.size(), true);
        for (Region r : regions) {
            playground.startService(r, ComponentKind.IDENTITY_SERVICE, Map.of());
        }
        tokens = playground.issuerTokens(regions.get(0));
        for (Region r : regions) {
            playground.startService(r, ComponentKind.SYNC_SINK, Map.of());
        }
        out.accept(String.format(
                "writing %.0f rides/s in each of %d regions for %d s, a fault every %d s ...",
                options.writesPerSecond(),
                regions.size(),
                options.duration().toSeconds(),
                options.faultEvery().toSeconds()));
        writing = true;
        Instant end = Instant.now().plus(options.duration());
        List<Thread> writers = new ArrayList<>();
        for (Region r : regions) {
            writers.add(Thread.ofPlatform().name("chaos-writer-" + r.name()).start(() -> write(r, end)));
        }
        injectFaults(end);
        writing = false;
        for (Thread t : writers) {
            t.join();
        }
        out.accept("healing every fault ...");
        healAll();
        Instant quiesceStart = Instant.now();
        String checksum = awaitConverged(Duration.ofMinutes(5));
        double quiesceSeconds = Duration.between(quiesceStart, Instant.now()).toMillis() / 1000.0;
        out.accept(String.format("converged %.1f s after healing; checking ...", quiesceSeconds));
        return report(checksum, quiesceSeconds);
    }

    // ---------------------------------------------------------------- writers

    private void write(Region region, Instant end) {
        HybridLogicalClock hlc = HybridLogicalClock.create(steppedClock(region), Duration.ofMillis(500));
        GlobalIdGenerator ids = GlobalIdGenerator.create(region.id(), 7, InstantSource.system());
        Random r = new Random(options.seed() * 31 + region.id());
        long periodNanos = (long) (1e9 / options.writesPerSecond());
        long next = System.nanoTime();
        Connection c = null;
        while (Instant.now().isBefore(end)) {
            next += periodNanos;
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            try {
                if (c == null || !c.isValid(1)) {
                    c = playground.rootConnection(region);
                    c.setAutoCommit(true);
                }
                Long target = r.nextInt(10) < 3 ? null : pick(r);
                if (target == null) {
                    insert(c, region, hlc, ids, r);
                } else {
                    update(c, region, hlc, target, r);
                }
            } catch (SQLException e) {
                writeErrors.incrementAndGet();
                c = null;
            }
        }
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after the run
            }
        }
    }

    private Long pick(Random r) {
        synchronized (recent) {
            return recent.isEmpty() ? null : recent.get(r.nextInt(recent.size()));
        }
    }

    private void insert(Connection c, Region region, HybridLogicalClock hlc, GlobalIdGenerator ids, Random r)
            throws SQLException {
        int unit = 1 + r.nextInt(4);
        long id = ids.nextId(unit);
        long now = hlc.now();
        long ms = System.currentTimeMillis();
        attempts.incrementAndGet();
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO rides.rides (id, unit_id, rider_id, status, terminal,"
                        + " product, seats, pickup_lat, pickup_lon, dropoff_lat, dropoff_lon, quote_id, quoted_fare_cents,"
                        + " quoted_distance_metres, quoted_duration_seconds, currency, idempotency_key, request_hash,"
                        + " requested_at_ms, updated_at_ms, version, hlc, origin_region, deleted, created_region)"
                        + " VALUES (?, ?, ?, 'REQUESTED', 0, 'SOLO', 1, 40.75, -73.98, 40.76, -73.97, ?, 1200, 2500, 600,"
                        + " 'USD', ?, REPEAT('0', 64), ?, ?, 1, ?, ?, 0, ?)")) {
            s.setLong(1, id);
            s.setInt(2, unit);
            s.setString(3, "chaos-rider-" + r.nextInt(500));
            s.setString(4, "q-" + id);
            s.setString(5, "k-" + id);
            s.setLong(6, ms);
            s.setLong(7, ms);
            s.setLong(8, now);
            s.setInt(9, region.id());
            s.setInt(10, region.id());
            s.executeUpdate();
        }
        acked.add(new AckedWrite(id, now, region.id(), -1));
        synchronized (recent) {
            recent.add(id);
            if (recent.size() > 300) {
                recent.remove(0);
            }
        }
    }

    private void update(Connection c, Region region, HybridLogicalClock hlc, long id, Random r) throws SQLException {
        long version;
        long oldHlc;
        String status;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version, hlc, status, terminal FROM rides.rides WHERE id = ? AND deleted = 0")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(4) == 1) {
                    return; // not here yet, or finished: no write
                }
                version = rs.getLong(1);
                oldHlc = rs.getLong(2);
                status = rs.getString(3);
            }
        }
        int roll = r.nextInt(10);
        String next;
        int terminal;
        if (roll < 5) {
            int at = java.util.Arrays.asList(ADVANCE).indexOf(status);
            next = at >= 0 && at + 1 < ADVANCE.length ? ADVANCE[at + 1] : "COMPLETED";
        } else {
            next = roll < 8 ? "CANCELLED_BY_RIDER" : "COMPLETED";
        }
        terminal = next.equals("COMPLETED") || next.startsWith("CANCELLED") ? 1 : 0;
        long now = hlc.now();
        long newHlc = Math.max(now, oldHlc + 1);
        attempts.incrementAndGet();
        try (PreparedStatement s = c.prepareStatement("UPDATE rides.rides SET status = ?, terminal = ?, driver_id = ?,"
                + " final_fare_cents = ?, updated_at_ms = ?, version = version + 1, hlc = GREATEST(?, hlc + 1),"
                + " origin_region = ? WHERE id = ? AND version = ? AND hlc = ?")) {
            s.setString(1, next);
            s.setInt(2, terminal);
            s.setString(3, "chaos-driver-" + region.name() + r.nextInt(100));
            if (next.equals("COMPLETED")) {
                s.setLong(4, 1000 + r.nextInt(3000));
            } else {
                s.setNull(4, java.sql.Types.BIGINT);
            }
            s.setLong(5, System.currentTimeMillis());
            s.setLong(6, now);
            s.setInt(7, region.id());
            s.setLong(8, id);
            s.setLong(9, version);
            s.setLong(10, oldHlc);
            if (s.executeUpdate() == 0) {
                casLost.incrementAndGet(); // another write (local, or applied from a peer) came first
                return;
            }
        }
        acked.add(new AckedWrite(id, newHlc, region.id(), oldHlc));
    }

    /** The wall clock of {@code region}'s writer: the system's, plus the step a clock fault sets. */
    private InstantSource steppedClock(Region region) {
        AtomicLong step = clockStepMs.get(region);
        return () -> Instant.now().plusMillis(step.get());
    }

    // ---------------------------------------------------------------- faults

    private void injectFaults(Instant end) throws InterruptedException {
        List<Fault> round = new ArrayList<>();
        Instant partitionEnds = Instant.MIN;
        // the faults keep to a timeline planned from their start times: a fault that is slow to inject (a sync-sink
        // that takes 20 s to become healthy on two busy cores) delays the next one, it does not stretch the schedule
        Instant planned = Instant.now();
        while (true) {
            long mean = options.faultEvery().toMillis();
            long waitMs = mean / 2 + (long) (random.nextDouble() * mean);
            planned = planned.plusMillis(waitMs);
            Instant at = planned.isBefore(Instant.now()) ? Instant.now() : planned;
            if (at.isAfter(end.minusSeconds(5))) {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()));
                return;
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
            if (round.isEmpty()) {
                round.addAll(List.of(Fault.values()));
                java.util.Collections.shuffle(round, random);
            }
            Fault fault = round.remove(0);
            if (fault == Fault.PARTITION && Instant.now().isBefore(partitionEnds)) {
                fault = Fault.SYNC_SINK_KILL; // one partition at a time keeps the count of cut links readable
            }
            Region region = regions.get(random.nextInt(regions.size()));
            String what;
            try {
                what = switch (fault) {
                    case SYNC_SINK_KILL -> {
                        playground.kill(region, ComponentKind.SYNC_SINK);
                        Thread.sleep(2000 + random.nextInt(4000));
                        playground.startService(region, ComponentKind.SYNC_SINK, Map.of());
                        yield "killed " + region.name() + "'s sync-sink (SIGKILL) and started it again";
                    }
                    case KAFKA_RESTART -> {
                        playground.stop(region, ComponentKind.KAFKA);
                        playground.restart(region);
                        yield "restarted " + region.name() + "'s Kafka";
                    }
                    case PARTITION -> {
                        Region other = regions.get(
                                (regions.indexOf(region) + 1 + random.nextInt(regions.size() - 1)) % regions.size());
                        long max = options.partition().toSeconds();
                        long seconds = max / 2 + random.nextLong(max / 2 + 1);
                        playground.partition(region, other, Duration.ofSeconds(seconds));
                        partitionEnds = Instant.now().plusSeconds(seconds);
                        yield "partitioned " + region.name() + " and " + other.name() + " for " + seconds + " s";
                    }
                    case CLOCK_STEP -> {
                        AtomicLong step = clockStepMs.get(region);
                        step.set(CLOCK_STEP_MS);
                        long seconds = Math.max(5, options.faultEvery().toSeconds());
                        Thread.ofVirtual().start(() -> {
                            java.util.concurrent.locks.LockSupport.parkNanos(
                                    Duration.ofSeconds(seconds).toNanos());
                            step.set(0);
                            clockRejectionsSeen.accumulateAndGet(clockRejections(), Math::max);
                        });
                        yield "stepped " + region.name() + "'s writer clock " + CLOCK_STEP_MS + " ms ahead for "
                                + seconds + " s";
                    }
                };
            } catch (RuntimeException e) {
                what = fault.id + " in " + region.name() + " failed: " + e.getMessage();
            }
            faults.merge(fault.id, 1, Integer::sum);
            String line = String.format("%5.0f s  %s", elapsedSeconds(end), what);
            faultLog.add(line);
            out.accept(line);
        }
    }

    private double elapsedSeconds(Instant end) {
        return options.duration().toSeconds()
                - Duration.between(Instant.now(), end).toMillis() / 1000.0;
    }

    private void healAll() {
        playground.heal();
        clockStepMs.values().forEach(step -> step.set(0));
        // whatever a fault left stopped: Kafka (restart starts what is missing), then the sync-sinks
        for (Region r : regions) {
            playground.restart(r);
            playground.startService(r, ComponentKind.SYNC_SINK, Map.of());
        }
    }

    // ---------------------------------------------------------------- checks

    private String awaitConverged(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String previous = null;
        while (true) {
            List<String> sums = new ArrayList<>();
            for (Region r : regions) {
                try (Connection c = playground.rootConnection(r)) {
                    sums.add(Convergence.checksum(c, "rides", "rides"));
                }
            }
            boolean equal = sums.stream().distinct().count() == 1;
            // equal twice in a row, 2 s apart: nothing still in flight changed it
            if (equal && sums.get(0).equals(previous)) {
                return previous;
            }
            previous = equal ? sums.get(0) : null;
            if (Instant.now().isAfter(deadline)) {
                out.accept("not converged after " + timeout.toSeconds() + " s: " + sums);
                return null;
            }
            Thread.sleep(2000);
        }
    }

    private Map<String, Object> report(String checksum, double quiesceSeconds) throws Exception {
        // final versions (every region holds the same when converged; read region a)
        Map<Long, long[]> finalVersion = new HashMap<>();
        try (Connection c = playground.rootConnection(regions.get(0));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, hlc, origin_region FROM rides.rides")) {
            while (rs.next()) {
                finalVersion.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        Set<String> replaced = new HashSet<>();
        for (AckedWrite w : acked) {
            if (w.prevHlc() >= 0) {
                replaced.add(w.id() + "/" + w.prevHlc());
            }
        }
        Set<String> losers = new HashSet<>();
        long conflictsLogged = 0;
        long duplicateApplies = 0;
        for (Region r : regions) {
            try (Connection c = playground.rootConnection(r);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pk_json, winner_hlc, winner_origin, loser_hlc, loser_origin"
                            + " FROM sync.conflict_log WHERE schema_name = 'rides' AND table_name = 'rides'")) {
                while (rs.next()) {
                    conflictsLogged++;
                    Matcher m = PK_ID.matcher(rs.getString(1));
                    if (m.find()) {
                        losers.add(m.group(1) + "/" + rs.getLong(4) + "/" + rs.getLong(5));
                    }
                    if (rs.getLong(2) == rs.getLong(4) && rs.getLong(3) == rs.getLong(5)) {
                        duplicateApplies++;
                    }
                }
            }
        }
        long lost = 0;
        List<String> lostExamples = new ArrayList<>();
        long currentCount = 0;
        long replacedCount = 0;
        long loserCount = 0;
        for (AckedWrite w : acked) {
            long[] fin = finalVersion.get(w.id());
            if (fin != null && fin[0] == w.hlc() && fin[1] == w.origin()) {
                currentCount++;
            } else if (replaced.contains(w.id() + "/" + w.hlc())) {
                replacedCount++;
            } else if (losers.contains(w.id() + "/" + w.hlc() + "/" + w.origin())) {
                loserCount++;
            } else {
                lost++;
                if (lostExamples.size() < 5) {
                    lostExamples.add(w.toString());
                }
            }
        }
        writeAcked(lostExamples);
        long loops = loops();
        long clockRejections = Math.max(clockRejectionsSeen.get(), clockRejections());
        int faultsInjected =
                faults.values().stream().mapToInt(Integer::intValue).sum();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regions", regions.size());
        json.put("seconds", options.duration().toSeconds());
        json.put("writes", attempts.get());
        json.put("acked", acked.size());
        json.put("cas_lost", casLost.get());
        json.put("write_errors", writeErrors.get());
        json.put("faults_injected", faultsInjected);
        json.put("faults", faults);
        json.put("converged", checksum != null);
        json.put("checksum", checksum);
        json.put("quiesce_s", Math.round(quiesceSeconds * 10) / 10.0);
        json.put("acked_current", currentCount);
        json.put("acked_replaced_by_successor", replacedCount);
        json.put("acked_conflict_losers", loserCount);
        json.put("acked_lost", lost);
        json.put("acked_lost_examples", lostExamples);
        json.put("conflicts_logged", conflictsLogged);
        json.put("duplicate_applies", duplicateApplies);
        json.put("loops", loops);
        json.put("clock_offset_rejections", clockRejections);
        json.put("seed", options.seed());
        printTable(json);
        return json;
    }

    /** Every acknowledged write, one per line ({@code id,hlc,origin,prevHlc}), into the playground's home. */
    private void writeAcked(List<String> lostExamples) throws java.io.IOException {
        java.nio.file.Path file = playground.home().resolve("chaos-acked.csv");
        java.nio.file.Files.createDirectories(file.getParent());
        try (var w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write("id,hlc,origin,prev_hlc\n");
            for (AckedWrite a : acked) {
                w.write(a.id() + "," + a.hlc() + "," + a.origin() + "," + a.prevHlc() + "\n");
            }
        }
        out.accept("acknowledged writes: " + file + (lostExamples.isEmpty() ? "" : "; unaccounted: " + lostExamples));
    }

    /**
     * Replication partitions, in every region's cluster, whose end offset moved during 10 s of quiet after
     * convergence: something published what nobody wrote (an applied change captured again).
     */
    private long loops() throws Exception {
        Map<String, Long> before = endOffsets();
        Thread.sleep(10_000);
        Map<String, Long> after = endOffsets();
        long moved = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!e.getValue().equals(before.getOrDefault(e.getKey(), 0L))) {
                moved++;
            }
        }
        return moved;
    }

    private Map<String, Long> endOffsets() throws Exception {
        Map<String, Long> offsets = new HashMap<>();
        for (Region r : regions) {
            java.util.Properties p = new java.util.Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, playground.kafkaBootstrap(r));
            try (Admin admin = Admin.create(p)) {
                Set<String> topics = new HashSet<>();
                for (String t : admin.listTopics().names().get()) {
                    if (t.startsWith("repl.")) {
                        topics.add(t);
                    }
                }
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                        .forEach(pi -> request.put(new TopicPartition(name, pi.partition()), OffsetSpec.latest())));
                admin.listOffsets(request)
                        .all()
                        .get()
                        .forEach((tp, info) -> offsets.put(r.name() + ":" + tp, info.offset()));
            }
        }
        return offsets;
    }

    /** {@code sync.apply.clock_offset_exceeded} summed over the regions' running sync-sinks. */
    private long clockRejections() {
        long total = 0;
        for (Region r : regions) {
            total += (long) metric(r, "sync.apply.clock_offset_exceeded");
        }
        return total;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A counter of {@code region}'s sync-sink from its actuator, 0 when it has none yet. */
    private double metric(Region region, String name) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + playground.ports().port(region, ComponentKind.SYNC_SINK) + "/actuator/metrics/"
                                    + name))
                            .header(
                                    "Authorization",
                                    "Bearer " + tokens.mint("chaos-run", "operator", Duration.ofMinutes(5)))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            JsonNode measurements = JSON.readTree(response.body()).path("measurements");
            return measurements.isEmpty()
                    ? 0
                    : measurements.get(0).path("value").asDouble();
        } catch (Exception e) {
            return 0;
        }
    }

    private void printTable(Map<String, Object> json) {
        out.accept("");
        out.accept("faults:");
        faultLog.forEach(line -> out.accept("  " + line));
        out.accept("");
        for (String key : List.of(
                "writes",
                "acked",
                "cas_lost",
                "write_errors",
                "faults_injected",
                "faults",
                "converged",
                "quiesce_s",
                "acked_current",
                "acked_replaced_by_successor",
                "acked_conflict_losers",
                "acked_lost",
                "conflicts_logged",
                "duplicate_applies",
                "loops",
                "clock_offset_rejections")) {
            out.accept(String.format("%-28s %s", key, json.get(key)));
        }
    }
}
