package io.ridemesh.order.ride.domain;

/**
 * Inserting a ride hit a unique key: (rider, idempotency key), where another request with the same key was stored
 * first or is being stored concurrently and the database aborted this insert, or (quote, creating region), where
 * another request used the same quote. Nothing was written by this insert; the caller reads the other ride (or
 * retries if it rolled back).
 */
public final class RideAlreadyRequested extends RuntimeException {

    private final RiderId riderId;
    private final IdempotencyKey idempotencyKey;

    /**
     * @param riderId the rider
     * @param idempotencyKey the key that is taken
     * @param cause the driver's error, for the log
     */
    public RideAlreadyRequested(RiderId riderId, IdempotencyKey idempotencyKey, Throwable cause) {
        super("rider " + riderId + " already requested a ride with Idempotency-Key '" + idempotencyKey + "'", cause);
        this.riderId = riderId;
        this.idempotencyKey = idempotencyKey;
    }

    /** The rider. */
    public RiderId riderId() {
        return riderId;
    }

    /** The taken key. */
    public IdempotencyKey idempotencyKey() {
        return idempotencyKey;
    }
}
