package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * A driver holds the ride now, assigned by dispatch-service or by accepting it.
 *
 * @param rideId the ride
 * @param driverId the driver
 * @param byCommand {@link RideCommand#ASSIGN} or {@link RideCommand#ACCEPT}
 * @param occurredAt when
 */
public record DriverAssigned(RideId rideId, DriverId driverId, RideCommand byCommand, Instant occurredAt)
        implements RideEvent {}
