package io.ridemesh.dispatch.offer.application;

/** No such offer for this driver (unknown, purged, or another driver's). Maps to 404. */
public final class OfferNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OfferNotFound(long offerId) {
        super("no offer " + offerId + " for this driver");
    }
}
