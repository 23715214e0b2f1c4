package io.ridemesh.dispatch.matching.domain;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.Objects;

/**
 * A driver who may be offered a ride in this window. Immutable; thread-safe.
 *
 * @param id the driver
 * @param location current position
 * @param seats free passenger seats, {@code >= 1}
 */
public record DriverCandidate(DriverId id, GeoPoint location, int seats) {

    public DriverCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
    }
}
