package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Use case: dispatch-service assigns a driver to a REQUESTED ride, through the same versioned CAS as every write.
 * Assigning the driver who already holds the ride returns it unchanged. Thread-safe.
 */
public final class AssignDriver {

    private final RideChanges changes;
    private final InstantSource clock;

    public AssignDriver(RideChanges changes, InstantSource clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param service the calling service
     * @throws RideNotFound if there is no such ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not REQUESTED
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride assign(RideId id, DriverId driver, Actor service) {
        return changes.change(id, service, ride -> ride.assign(driver, clock.instant()));
    }
}
