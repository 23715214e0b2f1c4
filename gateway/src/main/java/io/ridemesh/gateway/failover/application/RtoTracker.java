package io.ridemesh.gateway.failover.application;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.Drills;
import io.ridemesh.gateway.routing.domain.ServedUnits;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the first served request of each drill: the routing filter reports every request it routed to a unit's home
 * and got a non-5xx answer for ({@link #served}); if a drill awaiting its first serve moved that unit to that region,
 * the drill gets {@code first_served_at_ms} and {@code rto_ms} (versioned CAS on the replicated row, so every region
 * sees it).
 *
 * <p>The drills awaiting a first serve are those this gateway opened ({@link #opened}, known at once) and those read
 * from the replicated table by {@link #refresh()} (drills run by other regions' gateways). When two gateways record
 * the same drill concurrently, replication keeps one of the two (by HLC); both are first serves within moments.
 *
 * <p>Thread-safety: {@link #served} is called on event-loop threads and never blocks: the database write runs on the
 * given executor. {@link #refresh()} blocks (JDBC) and runs on the reload thread.
 */
public final class RtoTracker implements ServedUnits {

    private static final Logger log = LoggerFactory.getLogger(RtoTracker.class);

    private final Drills drills;
    private final HybridLogicalClock hlc;
    private final InstantSource clock;
    private final Executor blocking;
    private final int selfRegion;
    private final Duration window;
    private final int casAttempts;

    private final Map<Long, Drill> openedHere = new ConcurrentHashMap<>();
    private volatile List<Drill> awaiting = List.of();
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private final AtomicLong recorded = new AtomicLong();

    /**
     * @param blocking runs the database writes (e.g. Reactor's boundedElastic)
     * @param window how long after its start a drill may still be first served
     */
    public RtoTracker(
            Drills drills,
            HybridLogicalClock hlc,
            InstantSource clock,
            Executor blocking,
            int selfRegion,
            Duration window,
            int casAttempts) {
        this.drills = Objects.requireNonNull(drills, "drills");
        this.hlc = Objects.requireNonNull(hlc, "hlc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.selfRegion = selfRegion;
        this.window = Objects.requireNonNull(window, "window");
        this.casAttempts = casAttempts;
    }

    /** A drill this gateway just opened: known before the table reload sees it. */
    public void opened(Drill drill) {
        if (drill.awaitingFirstServe()) {
            openedHere.put(drill.id(), drill);
        }
    }

    /** Re-reads the drills awaiting a first serve (blocking). */
    public void refresh() {
        long since = clock.millis() - window.toMillis();
        awaiting = List.copyOf(drills.awaitingFirstServe(since));
        openedHere.values().removeIf(d -> d.startedAtMs() < since);
    }

    /**
     * A request of {@code unitId} was routed to {@code regionId} and answered below 500 at {@code atMs}. Non-blocking.
     */
    @Override
    public void served(int unitId, int regionId, long atMs) {
        for (Drill d : candidates()) {
            if (d.targetRegion() == regionId && d.units().contains(unitId) && claimed.add(d.id())) {
                blocking.execute(() -> record(d.id(), atMs));
            }
        }
    }

    /** First serves recorded by this gateway since start. */
    public long recorded() {
        return recorded.get();
    }

    private List<Drill> candidates() {
        List<Drill> all = awaiting;
        if (openedHere.isEmpty()) {
            return all;
        }
        List<Drill> out = new ArrayList<>(all);
        out.addAll(openedHere.values());
        return out;
    }

    private void record(long drillId, long atMs) {
        try {
            for (int attempt = 0; attempt < casAttempts; attempt++) {
                Optional<Drill> current = drills.find(drillId);
                if (current.isEmpty() || current.get().firstServedAtMs() != null) {
                    break;
                }
                Drill served = current.get().firstServed(atMs);
                if (drills.recordFirstServed(served, hlc.now(), selfRegion)) {
                    recorded.incrementAndGet();
                    log.info(
                            "drill {} ({}) first served at {}: RTO {} ms",
                            drillId,
                            served.kind().code(),
                            atMs,
                            served.rtoMs());
                    break;
                }
            }
            openedHere.remove(drillId);
        } catch (RuntimeException e) {
            // let a later request try again
            claimed.remove(drillId);
            log.warn("cannot record the first serve of drill {}: {}", drillId, e.toString());
        }
    }
}
