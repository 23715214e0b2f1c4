package io.ridemesh.order.unit.domain;

import java.util.List;
import java.util.Optional;

/**
 * The units served by this deployment (a port). Implementations are thread-safe.
 *
 * <p>Units are regional reference data: every region holds the same rows, seeded by migration.
 */
public interface Units {

    /** Every unit, ordered by id. */
    List<Unit> all();

    /** The unit with this id, if any. */
    Optional<Unit> find(int unitId);

    /**
     * The unit that serves a pickup at {@code point}: the one with the lowest id whose service area contains it, or
     * empty if no unit does.
     */
    default Optional<Unit> locate(GeoPoint point) {
        return all().stream().filter(unit -> unit.serves(point)).findFirst();
    }
}
