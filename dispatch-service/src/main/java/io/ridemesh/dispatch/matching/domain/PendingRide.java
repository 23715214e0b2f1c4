package io.ridemesh.dispatch.matching.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.Objects;
import java.util.Set;

/**
 * A ride in a unit's dispatch queue. Immutable; thread-safe.
 *
 * @param request the ride
 * @param windowsMissed windows so far in which no feasible driver was found
 * @param excluded drivers who declined it or let an offer of it expire
 */
public record PendingRide(RideRequest request, int windowsMissed, Set<DriverId> excluded) {

    public PendingRide {
        Objects.requireNonNull(request, "request");
        excluded = Set.copyOf(excluded);
        if (windowsMissed < 0) {
            throw new IllegalArgumentException("windowsMissed must be >= 0, but was " + windowsMissed);
        }
    }
}
