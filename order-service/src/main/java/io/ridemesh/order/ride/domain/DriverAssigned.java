package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * A driver holds the ride now, assigned by dispatch-service through the offer the driver accepted (the only way a
 * driver takes a ride).
 *
 * @param rideId the ride
 * @param driverId the driver
 * @param byCommand the command that assigned the driver: always {@link RideCommand#ASSIGN}; kept because the event
 *     contract carries it (the message's {@code by})
 * @param occurredAt when
 */
public record DriverAssigned(RideId rideId, DriverId driverId, RideCommand byCommand, Instant occurredAt)
        implements RideEvent {}
