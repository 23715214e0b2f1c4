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
 * @param riderId who asks: the subject of the rider's token; the quote is issued to this rider only, and the rider's
 *     requests count once per demand window
 */
public record QuoteRequest(GeoPoint pickup, GeoPoint dropoff, Product product, int seats, String riderId) {

    public QuoteRequest {
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(riderId, "riderId");
        if (seats < 1) {
            throw new InvalidQuoteRequest("seats", "must be >= 1, but was " + seats);
        }
    }
}
