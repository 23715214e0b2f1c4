package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * The rider was dropped off; the fare is final.
 *
 * @param rideId the ride
 * @param driverId the driver
 * @param actuals measured distance and duration
 * @param finalFareCents what the rider pays, minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param repriced whether the final fare differs from the quote because the trip deviated (see {@link RepricingPolicy})
 * @param occurredAt when
 */
public record RideCompleted(
        RideId rideId,
        DriverId driverId,
        TripActuals actuals,
        long finalFareCents,
        String currency,
        boolean repriced,
        Instant occurredAt)
        implements RideEvent {}
