package io.ridemesh.gateway.routing.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: the replicated routing table {@code unit_home}. Implementations are thread-safe and blocking (call them off
 * event-loop threads).
 */
public interface UnitHomes {

    /** Every live (not deleted) row. */
    List<UnitHome> all();

    /** The live row of {@code unitId}, if any. */
    Optional<UnitHome> find(int unitId);

    /**
     * The versioned CAS of the replicated-row contract: moves the unit to {@code toRegion} if its version is still
     * {@code expectedVersion}, with {@code version + 1}, {@code hlc = max(hlcNow, hlc + 1)} and
     * {@code origin_region = selfRegion}.
     *
     * @return false if a concurrent write (local, or applied from another region) won: re-read and decide again
     */
    boolean move(int unitId, long expectedVersion, int toRegion, long movedAtMs, long hlcNow, int selfRegion);
}
