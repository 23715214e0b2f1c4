package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;

/**
 * Command: price a ride. Immutable; thread-safe.
 *
 * @param pickup where the rider is picked up
 * @param dropoff where the rider goes
 * @param product SOLO or POOL
 * @param seats seats (passengers) booked, {@code >= 1}; the product's maximum is checked by the use case
 */
public record QuoteRequest(GeoPoint pickup, GeoPoint dropoff, Product product, int seats) {

    public QuoteRequest {
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(product, "product");
        if (seats < 1) {
            throw new InvalidQuoteRequest("seats", "must be >= 1, but was " + seats);
        }
    }
}
