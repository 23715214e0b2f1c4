package io.ridemesh.order.ride.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ride ended without a trip: the rider cancelled ({@link RideStatus#CANCELLED_BY_RIDER}) or the driver reported
 * a rider no-show ({@link RideStatus#CANCELLED_BY_DRIVER}).
 *
 * @param rideId the ride
 * @param status the terminal status reached
 * @param driverId the driver who held the ride when it was cancelled, if any (to be told)
 * @param cancellationFeeCents what the rider pays, minor units of {@code currency}, {@code >= 0}
 * @param currency ISO 4217 code
 * @param occurredAt when
 */
public record RideCancelled(
        RideId rideId,
        RideStatus status,
        @Nullable DriverId driverId,
        long cancellationFeeCents,
        String currency,
        Instant occurredAt)
        implements RideEvent {}
