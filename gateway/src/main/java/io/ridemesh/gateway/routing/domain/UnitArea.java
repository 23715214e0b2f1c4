package io.ridemesh.gateway.routing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;

/**
 * A unit's service area: a latitude/longitude box in degrees, bounds inclusive. Immutable; thread-safe.
 *
 * @param unitId 1..63, the unit bits of global ids
 * @param code short name, e.g. {@code nyc}
 */
public record UnitArea(int unitId, String code, double minLat, double maxLat, double minLon, double maxLon) {

    public UnitArea {
        if (unitId < 1 || unitId > 63) {
            throw new IllegalArgumentException("unitId must be in 1..63, but was " + unitId);
        }
        Objects.requireNonNull(code, "code");
        if (!(minLat < maxLat && minLon < maxLon)) {
            throw new IllegalArgumentException("unit " + code + " box must have min < max, but was lat " + minLat + ".."
                    + maxLat + ", lon " + minLon + ".." + maxLon);
        }
    }

    /** Whether {@code point} lies in the box (bounds included). */
    public boolean contains(GeoPoint point) {
        return point.lat() >= minLat && point.lat() <= maxLat && point.lon() >= minLon && point.lon() <= maxLon;
    }
}
