package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.RepricingPolicy;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.TripActuals;
import java.time.InstantSource;
import java.util.Objects;

/** Use case: the driver who holds the ride dropped the rider off; the fare becomes final. Thread-safe. */
public final class CompleteRide {

    private final RideChanges changes;
    private final InstantSource clock;
    private final RepricingPolicy repricing;

    public CompleteRide(RideChanges changes, InstantSource clock, RepricingPolicy repricing) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repricing = Objects.requireNonNull(repricing, "repricing");
    }

    /**
     * @param measured the trip's driven distance and duration
     * @throws RideNotFound if the driver may not see the ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not IN_PROGRESS with this driver
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride complete(RideId id, Actor driver, TripActuals measured) {
        return changes.change(
                id, driver, ride -> ride.complete(driver.asDriver(), measured, clock.instant(), repricing));
    }
}
