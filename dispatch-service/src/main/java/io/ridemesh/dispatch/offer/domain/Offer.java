package io.ridemesh.dispatch.offer.domain;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An offer of one ride to one driver, open until {@code expiresAt}. Immutable; thread-safe.
 *
 * @param offerId global id, {@code > 0}
 * @param rideId the ride
 * @param driverId the driver
 * @param unitCode the ride's unit
 * @param pickup the ride's pickup
 * @param dropoff the ride's dropoff
 * @param seats seats booked
 * @param pickupEtaSeconds estimated pickup time when offered, seconds
 * @param createdAt when it was made
 * @param expiresAt deadline to accept
 * @param status where it stands
 * @param pool for a shared (POOL) ride, what accepting it does to the driver's shared trip; {@code null} for a private
 *     ride (or with pooling switched off)
 */
public record Offer(
        long offerId,
        long rideId,
        DriverId driverId,
        String unitCode,
        GeoPoint pickup,
        GeoPoint dropoff,
        int seats,
        long pickupEtaSeconds,
        Instant createdAt,
        Instant expiresAt,
        OfferStatus status,
        @Nullable PoolTerms pool) {

    public Offer {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        if (offerId <= 0) {
            throw new IllegalArgumentException("offerId must be > 0, but was " + offerId);
        }
        if (rideId <= 0) {
            throw new IllegalArgumentException("rideId must be > 0, but was " + rideId);
        }
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException(
                    "expiresAt must be after createdAt " + createdAt + ", but was " + expiresAt);
        }
    }

    /** An offer of a private ride ({@code pool == null}). */
    public Offer(
            long offerId,
            long rideId,
            DriverId driverId,
            String unitCode,
            GeoPoint pickup,
            GeoPoint dropoff,
            int seats,
            long pickupEtaSeconds,
            Instant createdAt,
            Instant expiresAt,
            OfferStatus status) {
        this(
                offerId,
                rideId,
                driverId,
                unitCode,
                pickup,
                dropoff,
                seats,
                pickupEtaSeconds,
                createdAt,
                expiresAt,
                status,
                null);
    }

    /** Whether accepting it inserts the ride into the driver's active shared trip. */
    public boolean poolInsertion() {
        return pool != null && pool.insertion();
    }

    /** The same offer in another status. */
    public Offer withStatus(OfferStatus next) {
        return new Offer(
                offerId,
                rideId,
                driverId,
                unitCode,
                pickup,
                dropoff,
                seats,
                pickupEtaSeconds,
                createdAt,
                expiresAt,
                next,
                pool);
    }
}
