package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Use case: a driver accepts a REQUESTED ride. Accepting a ride the driver already holds returns it unchanged.
 *
 * <p>In this iteration every existing ride counts as offered to every driver, so a driver who lost the race gets 409
 * (the ride's status), not 404. Thread-safe.
 */
public final class AcceptRide {

    private final RideChanges changes;
    private final InstantSource clock;

    public AcceptRide(RideChanges changes, InstantSource clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RideNotFound if there is no such ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not REQUESTED (and not held by the driver)
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride accept(RideId id, Actor driver) {
        return changes.change(id, driver, ride -> true, ride -> ride.accept(driver.asDriver(), clock.instant()));
    }
}
