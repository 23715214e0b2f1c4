package io.ridemesh.gateway.routing.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the replicated routing table {@code unit_home}: where a unit is homed. Immutable; thread-safe.
 *
 * @param unitId 1..63
 * @param code e.g. {@code nyc}
 * @param homeRegion id of the region that takes the unit's writes
 * @param movedAtMs epoch ms of the last move, null if never moved
 * @param version per-row counter of the replicated-row contract (the CAS compares it)
 * @param hlc HLC timestamp of the last write
 * @param originRegion region that made the last write (0 for the seed)
 */
public record UnitHome(
        int unitId, String code, int homeRegion, @Nullable Long movedAtMs, long version, long hlc, int originRegion) {

    public UnitHome {
        if (unitId < 1 || unitId > 63) {
            throw new IllegalArgumentException("unitId must be in 1..63, but was " + unitId);
        }
        Objects.requireNonNull(code, "code");
        if (version < 1) {
            throw new IllegalArgumentException("version of unit " + unitId + " must be >= 1, but was " + version);
        }
    }
}
