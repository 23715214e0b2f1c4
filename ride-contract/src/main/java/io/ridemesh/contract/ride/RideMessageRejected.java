package io.ridemesh.contract.ride;

/** A ride event that is not a valid message of a known type and version; the message names the field. */
public final class RideMessageRejected extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RideMessageRejected(String message) {
        super(message);
    }

    public RideMessageRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
