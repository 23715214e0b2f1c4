package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.offer.domain.OfferStatus;

/** The offer can no longer be answered; the message names its status. Maps to 409. */
public final class OfferNotOpen extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OfferStatus status;

    public OfferNotOpen(long offerId, OfferStatus status) {
        super("offer " + offerId + " is " + status.code() + ", not pending");
        this.status = status;
    }

    public OfferStatus status() {
        return status;
    }
}
