package io.ridemesh.order.ride.application;

/** A ride request field that breaks a rule the request format cannot express (e.g. too many seats for a product). */
public final class InvalidRideRequest extends RuntimeException {

    private final String field;

    /**
     * @param field the request field, e.g. {@code seats}
     * @param message what was expected and what came, e.g. "must be in 1..2 for POOL, but was 3"
     */
    public InvalidRideRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending request field. */
    public String field() {
        return field;
    }
}
