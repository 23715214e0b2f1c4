package io.ridemesh.order.ride.domain;

import org.jspecify.annotations.Nullable;

/**
 * A versioned compare-and-set found the ride changed since it was read: a concurrent write (local, or replicated from
 * another region) won. Nothing was written. Carries what the row holds now, so the caller can re-read or show it.
 */
public final class StaleWrite extends RuntimeException {

    private final RideId rideId;
    private final Revision expected;
    private final @Nullable RideStatus currentStatus;
    private final long currentVersion;
    private final @Nullable Ride current;

    /**
     * @param rideId the ride
     * @param expected the revision the write was conditional on
     * @param current the ride as stored now, or {@code null} if it is gone (tombstoned)
     */
    public StaleWrite(RideId rideId, Revision expected, @Nullable Ride current) {
        this(
                rideId,
                expected,
                current == null ? null : current.status(),
                current == null ? 0 : current.revision().version(),
                current);
    }

    private StaleWrite(
            RideId rideId,
            Revision expected,
            @Nullable RideStatus currentStatus,
            long currentVersion,
            @Nullable Ride current) {
        super("ride " + rideId + " was changed concurrently: expected version " + expected.version()
                + (currentStatus == null
                        ? ", but it no longer exists"
                        : ", but it is at version " + currentVersion + " in status " + currentStatus));
        this.rideId = rideId;
        this.expected = expected;
        this.currentStatus = currentStatus;
        this.currentVersion = currentVersion;
        this.current = current;
    }

    /** The same failure without the ride itself (for a caller who may not see it): status and version stay. */
    public StaleWrite withoutRide() {
        return new StaleWrite(rideId, expected, currentStatus, currentVersion, null);
    }

    /** The ride. */
    public RideId rideId() {
        return rideId;
    }

    /** The revision the write expected. */
    public Revision expected() {
        return expected;
    }

    /** The ride's status when the write failed, or {@code null} if it is gone. */
    public @Nullable RideStatus currentStatus() {
        return currentStatus;
    }

    /** The ride's version when the write failed, or 0 if it is gone. */
    public long currentVersion() {
        return currentVersion;
    }

    /** The ride as stored when the write failed, or {@code null} if it is gone or withheld. */
    public @Nullable Ride current() {
        return current;
    }
}
