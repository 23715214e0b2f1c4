package io.ridemesh.gateway.failover.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One failover action and its recovery time. Immutable; thread-safe.
 *
 * <p><b>RTO</b> = {@code firstServedAtMs} (the first request of a moved unit that a gateway routed to the new home and
 * got a non-5xx answer for) minus the baseline: {@code declaredDownAtMs} when the executing gateway had declared the
 * region down, else {@code startedAtMs} (the operator's call).
 *
 * @param id global id (unit 0) issued by the executing gateway
 * @param kind evacuate, failback or move
 * @param region the region acted on (evacuated, failed back to, moved away from)
 * @param targetRegion where the units went
 * @param startedAtMs epoch ms of the operator's call
 * @param endedAtMs epoch ms the last unit was moved, null while running
 * @param units the units actually moved
 * @param declaredDownAtMs epoch ms the executing gateway declared {@code region} down, null if it was not down
 * @param firstServedAtMs epoch ms of the first served request of a moved unit at the new home, null until then
 * @param rtoMs recovery time, null until first served
 * @param executedBy id of the region whose gateway ran the drill
 * @param version replicated-row version (CAS)
 */
public record Drill(
        long id,
        DrillKind kind,
        int region,
        int targetRegion,
        long startedAtMs,
        @Nullable Long endedAtMs,
        List<Integer> units,
        @Nullable Long declaredDownAtMs,
        @Nullable Long firstServedAtMs,
        @Nullable Long rtoMs,
        int executedBy,
        long version) {

    public Drill {
        Objects.requireNonNull(kind, "kind");
        units = List.copyOf(units);
        if (startedAtMs < 0) {
            throw new IllegalArgumentException("drill " + id + " startedAtMs must be >= 0, but was " + startedAtMs);
        }
        if ((firstServedAtMs == null) != (rtoMs == null)) {
            throw new IllegalArgumentException("drill " + id + " must have both firstServedAtMs and rtoMs or neither,"
                    + " but had " + firstServedAtMs + " and " + rtoMs);
        }
    }

    /** The time RTO is measured from: the region's declared-down time, else the call. */
    public long rtoBaselineMs() {
        return declaredDownAtMs != null ? declaredDownAtMs : startedAtMs;
    }

    /** Whether the drill still waits for its first served request. */
    public boolean awaitingFirstServe() {
        return firstServedAtMs == null && !units.isEmpty();
    }

    /**
     * This drill with its first served request recorded.
     *
     * @throws IllegalStateException if it already has one
     */
    public Drill firstServed(long atMs) {
        if (firstServedAtMs != null) {
            throw new IllegalStateException(
                    "drill " + id + " was already first served at " + firstServedAtMs + ", not again at " + atMs);
        }
        return new Drill(
                id,
                kind,
                region,
                targetRegion,
                startedAtMs,
                endedAtMs,
                units,
                declaredDownAtMs,
                atMs,
                Math.max(0, atMs - rtoBaselineMs()),
                executedBy,
                version + 1);
    }
}
