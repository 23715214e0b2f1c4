package io.ridemesh.dispatch.supply.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A driver's stored state ({@code driver:{id}}). Immutable; thread-safe.
 *
 * @param id the driver
 * @param status the dispatch status
 * @param seats free passenger seats
 * @param unitCode the unit of the last fix, or {@code null} outside every service area
 * @param cell H3 cell of the last fix
 * @param location last reported position
 * @param lastSeen time of the last fix
 */
public record DriverState(
        DriverId id,
        DriverStatus status,
        int seats,
        @Nullable String unitCode,
        String cell,
        GeoPoint location,
        Instant lastSeen) {

    public DriverState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
