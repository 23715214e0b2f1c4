package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * A rider requested a ride at a quoted price; dispatch-service starts looking for a driver.
 *
 * @param rideId the new ride
 * @param riderId who asked
 * @param trip from where to where, product and seats
 * @param quote the upfront price
 * @param occurredAt when the request was accepted
 */
public record RideRequested(RideId rideId, RiderId riderId, Trip trip, Quote quote, Instant occurredAt)
        implements RideEvent {}
