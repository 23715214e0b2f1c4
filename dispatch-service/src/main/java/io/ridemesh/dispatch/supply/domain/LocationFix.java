package io.ridemesh.dispatch.supply.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a driver's device was, and when it measured it. Immutable; thread-safe.
 *
 * @param point the position
 * @param at the device's measurement time
 */
public record LocationFix(GeoPoint point, Instant at) {

    public LocationFix {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(at, "at");
    }
}
