package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one driver's active shared trip, as {@link ActivePools} stores it. The trip's riders are identified by
 * their ride ids ({@link PoolRider#riderId()} is the decimal ride id) and their times are epoch seconds. Immutable;
 * thread-safe.
 *
 * @param driver the driver carrying the trip (status {@code on_trip})
 * @param unitCode the unit whose matching windows may add riders to it (the unit of its first ride)
 * @param trip the vehicle's last reported position ({@link PooledTrip#vehicleAt()}), its seats and the remaining stops
 * @param lastSeen time of the driver's last location fix
 * @param version how many riders have joined the trip so far (boarding and leaving do not count): an insertion planned
 *     on this snapshot is offered only while the version is unchanged
 */
public record ActivePool(DriverId driver, String unitCode, PooledTrip trip, Instant lastSeen, long version) {

    public ActivePool {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** Whether the ride is one of the trip's riders. */
    public boolean carries(long rideId) {
        String id = Long.toString(rideId);
        return trip.stops().stream().anyMatch(s -> s.rider().riderId().equals(id));
    }
}
