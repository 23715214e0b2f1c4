package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * The driver who held the ride gave it up; it is REQUESTED again and dispatch-service looks for another driver.
 *
 * @param rideId the ride
 * @param driverId the driver who let go
 * @param occurredAt when
 */
public record DriverReleased(RideId rideId, DriverId driverId, Instant occurredAt) implements RideEvent {}
