package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * The driver reported a rider no-show before waiting the required time at the pickup. Nothing was changed; the
 * message says from when the report is accepted.
 */
public final class RiderNoShowTooEarly extends RuntimeException {

    private final RideId rideId;
    private final Instant allowedFrom;

    RiderNoShowTooEarly(RideId rideId, Instant arrivedAt, Instant allowedFrom, Instant now) {
        super("cannot report a rider no-show on ride " + rideId + " before " + allowedFrom + " (driver arrived at "
                + arrivedAt + "), but it is " + now);
        this.rideId = rideId;
        this.allowedFrom = allowedFrom;
    }

    /** The ride. */
    public RideId rideId() {
        return rideId;
    }

    /** The earliest instant the report is accepted. */
    public Instant allowedFrom() {
        return allowedFrom;
    }
}
