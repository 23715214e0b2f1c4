package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * The rider is on board and the trip began.
 *
 * @param rideId the ride
 * @param driverId the driver
 * @param occurredAt when
 */
public record RideStarted(RideId rideId, DriverId driverId, Instant occurredAt) implements RideEvent {}
