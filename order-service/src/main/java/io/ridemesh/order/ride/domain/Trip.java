package io.ridemesh.order.ride.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;

/**
 * What the rider asked for: from where to where, which product, how many seats. Immutable; thread-safe.
 *
 * @param pickup where the rider is picked up; decides the ride's unit
 * @param dropoff where the rider goes
 * @param product SOLO or POOL
 * @param seats seats booked, {@code >= 1} (the per-product maximum is a {@link SeatLimits} policy)
 * @throws IllegalArgumentException if {@code seats < 1}
 */
public record Trip(GeoPoint pickup, GeoPoint dropoff, Product product, int seats) {

    public Trip {
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(product, "product");
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
    }
}
