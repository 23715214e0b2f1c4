package io.ridemesh.dispatch.matching.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Port: the per-unit queues of rides waiting for a driver, shared by every matcher of the region. Each method is
 * atomic across processes. Implementations are thread-safe.
 */
public interface PendingRides {

    /**
     * Queues a ride, once per event id and once per ride.
     *
     * @param eventTtl how long the event id is remembered for de-duplication
     * @param requestTtl how long the ride's request is kept
     */
    RegisterOutcome register(
            String eventId, String unitCode, RideRequest request, Duration eventTtl, Duration requestTtl);

    /** The oldest queued rides of a unit, at most {@code limit}. */
    List<PendingRide> oldest(String unitCode, int limit);

    /** Counts a window in which the ride found no feasible driver. */
    MissOutcome missedWindow(long rideId, String unitCode, int maxWindows);

    /**
     * Puts a known ride back in its queue.
     *
     * @param exclude a driver not to offer it to again, if any
     * @param resetWindows whether the window count starts again
     * @return whether the ride was known
     */
    boolean requeue(long rideId, String unitCode, Optional<DriverId> exclude, boolean resetWindows);

    /** Removes a ride from dispatch (cancelled, completed, or reported without driver). */
    void withdraw(long rideId, String unitCode);
}
