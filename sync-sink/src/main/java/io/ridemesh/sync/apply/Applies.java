package io.ridemesh.sync.apply;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.sync.SyncMetrics;
import io.ridemesh.sync.SyncSinkProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A region's applies: one per peer region, each consuming that region's Kafka cluster ({@code sync.peers}), or one
 * consuming every other region's topics from the cluster the regions share when no peers are configured. Only the
 * first retries parked changes.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} once each, from any thread; the readers are safe at any time.
 */
public final class Applies implements AutoCloseable {

    private final List<Apply> applies;

    private Applies(List<Apply> applies) {
        this.applies = List.copyOf(applies);
    }

    /**
     * The applies {@code props} asks for (see the class).
     *
     * @param dataSource the region's database as the sync-sink user
     * @param clock the region's HLC, advanced with every applied timestamp
     */
    public static Applies of(
            SyncSinkProperties props, DataSource dataSource, HybridLogicalClock clock, SyncMetrics metrics) {
        List<Apply> applies = new ArrayList<>();
        if (props.peers().isEmpty()) {
            applies.add(new Apply(props, dataSource, clock, metrics, Apply.Source.sharedCluster(props), true));
        } else {
            // a fixed order, so that the same apply retries parked changes in every run
            for (Map.Entry<String, String> peer : new TreeMap<>(props.peers()).entrySet()) {
                applies.add(new Apply(
                        props,
                        dataSource,
                        clock,
                        metrics,
                        Apply.Source.peer(peer.getKey(), peer.getValue()),
                        applies.isEmpty()));
            }
        }
        for (Apply apply : applies) {
            metrics.sourceSilence(apply.source().name(), apply::silentMs);
        }
        return new Applies(applies);
    }

    /** Starts every apply's thread. */
    public void start() {
        applies.forEach(Apply::start);
    }

    /** The applies, in peer-name order. */
    public List<Apply> all() {
        return applies;
    }

    /** The worst state of any apply: STOPPED, then FAILED (restarting), then RETRYING, then RUNNING. */
    public Apply.State state() {
        Apply.State worst = Apply.State.RUNNING;
        for (Apply a : applies) {
            if (a.state().compareTo(worst) > 0) {
                worst = a.state();
            }
        }
        return worst;
    }

    /**
     * Per source ({@code b}, or {@code *} for a shared cluster), for health details: its state, backlog, bootstrap,
     * last error, restarts, how long its cluster has been silent (ms) and whether it counts as reachable.
     */
    public Map<String, Map<String, Object>> bySource() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Apply a : applies) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", a.state());
            detail.put("backlog", a.backlog());
            detail.put("bootstrap", a.source().bootstrap());
            detail.put("reachable", a.reachable());
            detail.put("silentMs", a.silentMs());
            detail.put("restarts", a.restarts());
            detail.put("lastError", a.lastError());
            out.put(a.source().name(), detail);
        }
        return out;
    }

    /**
     * Records of peer regions' changes not applied here yet, summed over the sources that have answered a fetch, or -1
     * when none has (see {@link Apply#backlog}).
     */
    public long backlog() {
        long total = -1;
        for (Apply a : applies) {
            long b = a.backlog();
            if (b >= 0) {
                total = Math.max(total, 0) + b;
            }
        }
        return total;
    }

    @Override
    public void close() {
        applies.forEach(Apply::close);
    }
}
