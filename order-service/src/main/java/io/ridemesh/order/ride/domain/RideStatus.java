package io.ridemesh.order.ride.domain;

/**
 * Where a ride is in its lifecycle. The transitions (each a guarded method of {@link Ride}):
 *
 * <pre>
 * REQUESTED       -> DRIVER_ASSIGNED (assign), CANCELLED_BY_RIDER, NO_DRIVER_AVAILABLE
 * DRIVER_ASSIGNED -> DRIVER_ARRIVED (arrive), REQUESTED (release), CANCELLED_BY_RIDER
 * DRIVER_ARRIVED  -> IN_PROGRESS (start), REQUESTED (release), CANCELLED_BY_RIDER,
 *                    CANCELLED_BY_DRIVER (rider no-show)
 * IN_PROGRESS     -> COMPLETED (complete)
 * </pre>
 *
 * <p>{@link #isTerminal() Terminal} statuses never change again; the replicated {@code terminal} column is 1 in them,
 * and it leads the rides' merge key so a finished ride never reopens in any region. A driver giving a ride up
 * ("release") is not terminal: the ride goes back to REQUESTED, which is why the merge key uses {@code terminal} and
 * not a status ordinal.
 */
public enum RideStatus {
    REQUESTED(false, false),
    DRIVER_ASSIGNED(false, true),
    DRIVER_ARRIVED(false, true),
    IN_PROGRESS(false, true),
    COMPLETED(true, true),
    CANCELLED_BY_RIDER(true, false),
    /** The driver waited at the pickup and the rider did not come (rider no-show). */
    CANCELLED_BY_DRIVER(true, true),
    NO_DRIVER_AVAILABLE(true, false),
    /** A second ride for one rider and Idempotency-Key, withdrawn by the reconciler ({@link DuplicateRides}). */
    CANCELLED_AS_DUPLICATE(true, false);

    private final boolean terminal;
    private final boolean requiresDriver;

    RideStatus(boolean terminal, boolean requiresDriver) {
        this.terminal = terminal;
        this.requiresDriver = requiresDriver;
    }

    /** Whether the ride is finished for good. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether a ride in this status always has a driver. */
    public boolean requiresDriver() {
        return requiresDriver;
    }
}
