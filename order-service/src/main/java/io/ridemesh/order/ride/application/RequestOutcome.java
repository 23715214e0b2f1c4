package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;

/** What {@link RequestRide} did: created a ride, or found the one an earlier identical request created. */
public sealed interface RequestOutcome {

    /** The ride, as stored now. */
    Ride ride();

    /** A new ride was stored with its {@code RideRequested} event. */
    record Created(Ride ride) implements RequestOutcome {}

    /** The request repeated an earlier one (same rider, key and body); nothing was written. */
    record Replayed(Ride ride) implements RequestOutcome {}
}
