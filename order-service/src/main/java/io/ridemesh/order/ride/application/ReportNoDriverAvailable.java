package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/** Use case: dispatch-service found no driver for a REQUESTED ride; the ride ends. Thread-safe. */
public final class ReportNoDriverAvailable {

    private final RideChanges changes;
    private final InstantSource clock;

    public ReportNoDriverAvailable(RideChanges changes, InstantSource clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RideNotFound if there is no such ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not REQUESTED
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride report(RideId id, Actor service) {
        return changes.change(id, service, ride -> ride.markNoDriverAvailable(clock.instant()));
    }
}
