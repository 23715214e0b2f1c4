package io.ridemesh.gateway.failover.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: the replicated {@code drill} table. Implementations are thread-safe and blocking (call them off event-loop
 * threads).
 */
public interface Drills {

    /** Stores a new drill (version 1) stamped with {@code hlc} and {@code selfRegion} as origin. */
    void insert(Drill drill, long hlc, int selfRegion);

    /** The newest {@code limit} drills, newest first. */
    List<Drill> recent(int limit);

    /** Every drill of {@code region} and {@code kind}, oldest first. */
    List<Drill> of(int region, DrillKind kind);

    /** Drills started at or after {@code sinceMs} that still wait for their first served request. */
    List<Drill> awaitingFirstServe(long sinceMs);

    Optional<Drill> find(long id);

    /**
     * Versioned CAS: records the end of a drill ({@code endedAtMs}, the units actually moved) if the row still has
     * {@code expectedVersion}.
     *
     * @return false if a concurrent write won (re-read)
     */
    boolean complete(long id, long expectedVersion, long endedAtMs, List<Integer> units, long hlcNow, int selfRegion);

    /**
     * Versioned CAS: records {@code drill.firstServedAtMs} and {@code rtoMs} if the row still has
     * {@code drill.version() - 1} and no first-served time.
     *
     * @return false if a concurrent write won (re-read)
     */
    boolean recordFirstServed(Drill drill, long hlcNow, int selfRegion);
}
