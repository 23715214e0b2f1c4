package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * dispatch-service gave up finding a driver; the ride is over.
 *
 * @param rideId the ride
 * @param occurredAt when
 */
public record NoDriverAvailable(RideId rideId, Instant occurredAt) implements RideEvent {}
