package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.Objects;
import java.util.Set;

/**
 * A POOL ride waiting for a shared trip to join. Immutable; thread-safe.
 *
 * @param rideId the ride
 * @param rider the ride as a waiting rider ({@link PoolRider#riderId()} is the decimal ride id; times in epoch
 *     seconds; {@code directRideSeconds} from the travel-time model)
 * @param excluded drivers not to offer it to (they declined it or let an offer of it expire)
 */
public record PoolRequest(long rideId, PoolRider rider, Set<DriverId> excluded) {

    public PoolRequest {
        Objects.requireNonNull(rider, "rider");
        excluded = Set.copyOf(excluded);
        if (rider.onBoard()) {
            throw new IllegalArgumentException(
                    "a pool request's rider must be waiting, but ride " + rideId + " is not");
        }
    }
}
