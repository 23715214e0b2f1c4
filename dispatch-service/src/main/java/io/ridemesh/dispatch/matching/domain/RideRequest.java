package io.ridemesh.dispatch.matching.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * A ride waiting for a driver, from order-service's {@code RideRequested} event. Immutable; thread-safe.
 *
 * @param rideId the ride's global id, {@code > 0}
 * @param unitId the unit of the pickup, 1..63
 * @param pickup where the driver goes
 * @param dropoff where the rider goes
 * @param product SOLO or POOL
 * @param seats seats booked, {@code >= 1}
 * @param requestedAt when the rider asked
 */
public record RideRequest(
        long rideId, int unitId, GeoPoint pickup, GeoPoint dropoff, Product product, int seats, Instant requestedAt) {

    public RideRequest {
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (rideId <= 0) {
            throw new IllegalArgumentException("rideId must be > 0, but was " + rideId);
        }
        if (unitId < 1 || unitId > 63) {
            throw new IllegalArgumentException("unitId must be in 1..63, but was " + unitId);
        }
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
    }
}
