package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * The assigned driver is waiting at the pickup point.
 *
 * @param rideId the ride
 * @param driverId the driver
 * @param occurredAt when
 */
public record DriverArrived(RideId rideId, DriverId driverId, Instant occurredAt) implements RideEvent {}
