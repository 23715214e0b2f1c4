package io.ridemesh.dispatch.offer.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;

/** What closing an offer found. Closed set. */
public sealed interface Settlement {

    /**
     * The offer moved to its final status: locks released, the driver freed (or put on the trip), and the ride
     * re-queued (declined, expired) or removed from dispatch (accepted, void).
     *
     * @param previous status before
     * @param rideId the ride
     * @param driverId the driver
     * @param unitCode the ride's unit
     */
    record Settled(OfferStatus previous, long rideId, DriverId driverId, String unitCode) implements Settlement {}

    /**
     * Nothing changed: the offer is in a status the caller did not expect.
     *
     * @param current its status
     */
    record Unchanged(OfferStatus current) implements Settlement {}

    /** Nothing changed: no such offer. */
    record Missing() implements Settlement {}
}
