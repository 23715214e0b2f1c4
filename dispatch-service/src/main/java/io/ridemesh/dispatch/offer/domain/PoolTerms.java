package io.ridemesh.dispatch.offer.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an offer of a shared (POOL) ride carries so that accepting it can start or extend the driver's shared trip
 * (see {@code io.ridemesh.dispatch.matching.pooling.domain.ActivePools}). Immutable; thread-safe.
 *
 * <ul>
 *   <li>An empty {@code plan}: the offer goes to an available driver, and accepting it starts a shared trip with this
 *       ride as its first rider.
 *   <li>A non-empty {@code plan}: the offer goes to a driver on an active shared trip, and accepting it inserts the
 *       ride; {@code plan} is the trip's whole remaining stop sequence with the ride's pickup and dropoff in place.
 *       Stops done between the offer and the acceptance (the plan only ever loses stops meanwhile: the driver holds
 *       this one offer) are dropped from it on acceptance.
 * </ul>
 *
 * @param requestedAt when the rider asked (the wait promise counts from here)
 * @param directRideSeconds the unshared ride time pickup to dropoff from the travel-time model, seconds, {@code >= 0}
 *     (the ride-time promise scales it)
 * @param plan the planned stop sequence of an insertion, or empty for a new trip
 * @param tripVersion for an insertion, the version of the driver's trip the plan was made for (the offer is placed
 *     only if no other rider joined since); 0 for a new trip
 */
public record PoolTerms(Instant requestedAt, long directRideSeconds, List<PlannedStop> plan, long tripVersion) {

    public PoolTerms {
        Objects.requireNonNull(requestedAt, "requestedAt");
        plan = List.copyOf(plan);
        if (tripVersion < 0) {
            throw new IllegalArgumentException("tripVersion must be >= 0, but was " + tripVersion);
        }
        if (directRideSeconds < 0) {
            throw new IllegalArgumentException("directRideSeconds must be >= 0, but was " + directRideSeconds);
        }
        Set<PlannedStop> seen = new HashSet<>();
        for (PlannedStop s : plan) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("plan must list each stop once, but listed " + s + " twice");
            }
        }
    }

    /** Terms of an offer that starts a new shared trip. */
    public static PoolTerms newTrip(Instant requestedAt, long directRideSeconds) {
        return new PoolTerms(requestedAt, directRideSeconds, List.of(), 0);
    }

    /** Whether the offer inserts the ride into the driver's active trip (rather than starting one). */
    public boolean insertion() {
        return !plan.isEmpty();
    }

    /**
     * One planned stop of a shared trip.
     *
     * @param rideId the rider's ride
     * @param pickup {@code true} for the pickup, {@code false} for the dropoff
     */
    public record PlannedStop(long rideId, boolean pickup) {}
}
