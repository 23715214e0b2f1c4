package io.ridemesh.gateway.routing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.List;
import java.util.Optional;

/**
 * The service areas of all units. A point in two overlapping boxes belongs to the one listed first. Immutable;
 * thread-safe.
 */
public final class UnitAreas {

    private final List<UnitArea> areas;

    /** @throws IllegalArgumentException if a unit id or code repeats */
    public UnitAreas(List<UnitArea> areas) {
        this.areas = List.copyOf(areas);
        if (this.areas.stream().map(UnitArea::unitId).distinct().count() != this.areas.size()
                || this.areas.stream().map(UnitArea::code).distinct().count() != this.areas.size()) {
            throw new IllegalArgumentException("unit ids and codes must be unique, but were " + areas);
        }
    }

    /** The unit whose area holds {@code point}, if any. */
    public Optional<UnitArea> locate(GeoPoint point) {
        return areas.stream().filter(a -> a.contains(point)).findFirst();
    }

    public List<UnitArea> all() {
        return areas;
    }
}
