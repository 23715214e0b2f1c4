package io.ridemesh.dispatch.supply.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * An available, fresh driver found near a point. Immutable; thread-safe.
 *
 * @param id the driver
 * @param location last reported position (GEO set precision, about 0.6 m)
 * @param seats free passenger seats, {@code >= 1}
 * @param lastSeen time of the last location fix
 */
public record AvailableDriver(DriverId id, GeoPoint location, int seats, Instant lastSeen) {

    public AvailableDriver {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
    }
}
