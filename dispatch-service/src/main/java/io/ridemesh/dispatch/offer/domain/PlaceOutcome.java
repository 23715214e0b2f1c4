package io.ridemesh.dispatch.offer.domain;

/** What placing an offer did. Only {@link #PLACED} changed anything. */
public enum PlaceOutcome {
    /** Stored; the driver lock and the ride lock are held, the driver left the available index. */
    PLACED,
    /** Another matcher holds the driver lock (the driver has an offer). */
    DRIVER_LOCKED,
    /** The driver is no longer available or fresh. */
    DRIVER_UNAVAILABLE,
    /** The ride already has an open offer. */
    RIDE_LOCKED,
    /** The ride left dispatch (assigned, cancelled, given up) or another matcher offered it. */
    RIDE_NOT_PENDING,
    /**
     * A shared-trip insertion was planned for an older version of the trip: another rider joined it meanwhile. The
     * next window plans again.
     */
    TRIP_CHANGED
}
