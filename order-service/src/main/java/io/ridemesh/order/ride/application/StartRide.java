package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/** Use case: the driver who holds the ride picked the rider up. Thread-safe. */
public final class StartRide {

    private final RideChanges changes;
    private final InstantSource clock;

    public StartRide(RideChanges changes, InstantSource clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RideNotFound if the driver may not see the ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not DRIVER_ARRIVED with this driver
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride start(RideId id, Actor driver) {
        return changes.change(id, driver, ride -> ride.start(driver.asDriver(), clock.instant()));
    }
}
