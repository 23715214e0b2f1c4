package io.ridemesh.order.ride.application;

/** A ride request that differs from the trip its quote was priced for, or a quote that does not fit the unit. */
public final class QuoteMismatch extends RuntimeException {

    private final String field;

    /**
     * @param field the request field that differs, e.g. {@code pickup}
     * @param message what the quote says and what came
     */
    public QuoteMismatch(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending request field. */
    public String field() {
        return field;
    }
}
