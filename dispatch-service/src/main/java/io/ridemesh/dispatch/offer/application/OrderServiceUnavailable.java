package io.ridemesh.dispatch.offer.application;

/** order-service could not be reached; the offer is still pending and the driver may retry. Maps to 503. */
public final class OrderServiceUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderServiceUnavailable(long offerId, String reason) {
        super("cannot confirm offer " + offerId + " now, retry: order-service unavailable (" + reason + ")");
    }
}
