package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/** Use case: the driver who holds the ride reports arrival at the pickup. Thread-safe. */
public final class ArriveAtPickup {

    private final RideChanges changes;
    private final InstantSource clock;

    public ArriveAtPickup(RideChanges changes, InstantSource clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RideNotFound if the driver may not see the ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not DRIVER_ASSIGNED to this driver
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride arrive(RideId id, Actor driver) {
        return changes.change(id, driver, ride -> ride.arrive(driver.asDriver(), clock.instant()));
    }
}
