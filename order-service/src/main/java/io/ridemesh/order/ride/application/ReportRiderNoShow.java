package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.CancellationPolicy;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Use case: the driver waited at the pickup and the rider did not come; the ride ends CANCELLED_BY_DRIVER and the
 * rider pays the no-show fee. Thread-safe.
 */
public final class ReportRiderNoShow {

    private final RideChanges changes;
    private final InstantSource clock;
    private final CancellationPolicy policy;

    public ReportRiderNoShow(RideChanges changes, InstantSource clock, CancellationPolicy policy) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @throws RideNotFound if the driver may not see the ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if it is not DRIVER_ARRIVED with this driver
     * @throws io.ridemesh.order.ride.domain.RiderNoShowTooEarly if the driver has not waited long enough
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     */
    public Ride report(RideId id, Actor driver) {
        return changes.change(id, driver, ride -> ride.reportRiderNoShow(driver.asDriver(), clock.instant(), policy));
    }
}
