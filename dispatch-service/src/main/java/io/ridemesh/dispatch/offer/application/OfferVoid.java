package io.ridemesh.dispatch.offer.application;

/** order-service refused the assignment (409/404): the ride was taken or cancelled, the offer is void. Maps to 409. */
public final class OfferVoid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OfferVoid(long offerId, long rideId, String detail) {
        super("offer " + offerId + " is void: ride " + rideId + " is no longer available (" + detail + ")");
    }
}
