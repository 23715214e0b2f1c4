package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.RideId;

/** No ride with this id that the caller may see (absent, tombstoned, or someone else's). */
public final class RideNotFound extends RuntimeException {

    private final RideId rideId;

    public RideNotFound(RideId rideId) {
        super("no ride " + rideId);
        this.rideId = rideId;
    }

    /** The id asked for. */
    public RideId rideId() {
        return rideId;
    }
}
