package io.ridemesh.dispatch.matching.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: rides of a unit that wait for a driver (status {@code REQUESTED}) according to the region's order-service (its copy
 * of the replicated rides table), whichever region created them. This is how a unit's new home region finds the rides that
 * were requested in the old home before a failover, whose {@code RideRequested} events went to the old home's
 * dispatch. Implementations are thread-safe.
 */
public interface WaitingRides {

    /**
     * @param unitId the unit, 1..63
     * @param requestedFrom only rides requested at or after this instant
     * @param requestedBefore only rides requested before this instant (a grace period for the event path)
     * @param limit at most this many, oldest first
     * @return the rides as ride requests, oldest first
     * @throws TakeoverSourceUnavailable when order-service cannot be read
     */
    List<RideRequest> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit);
}
