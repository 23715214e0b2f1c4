package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * An issued upfront quote, as stored in the region that issued it. Immutable; thread-safe.
 *
 * @param quoteId unique id (also inside the signed token)
 * @param unitId the unit that priced it
 * @param product SOLO or POOL
 * @param seats seats booked
 * @param pickup pickup point
 * @param dropoff dropoff point
 * @param surgeCell H3 cell the surge was computed for
 * @param fare the price and how it is made up
 * @param currency ISO 4217 code
 * @param surgeMilli surge multiplier times 1000
 * @param distanceMetres estimated distance, metres
 * @param durationSeconds estimated duration, seconds
 * @param issuedAt when it was issued
 * @param expiresAt valid strictly before this instant
 * @param riderId the rider it was issued to ({@code ""} for quotes stored before quotes carried their rider); only
 *     this rider may read it or request a ride with it
 */
public record Quote(
        String quoteId,
        int unitId,
        Product product,
        int seats,
        GeoPoint pickup,
        GeoPoint dropoff,
        String surgeCell,
        FareBreakdown fare,
        String currency,
        long surgeMilli,
        long distanceMetres,
        long durationSeconds,
        Instant issuedAt,
        Instant expiresAt,
        String riderId) {

    public Quote {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(surgeCell, "surgeCell");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(riderId, "riderId");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException(
                    "expiresAt must be after issuedAt " + issuedAt + ", but was " + expiresAt);
        }
    }

    /** What the rider pays, cents. */
    public long fareCents() {
        return fare.totalCents();
    }
}
