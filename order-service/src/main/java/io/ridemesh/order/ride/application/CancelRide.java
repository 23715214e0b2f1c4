package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.CancellationPolicy;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Use case: cancel a ride. For its rider this ends the ride (CANCELLED_BY_RIDER, with the fee of
 * {@link CancellationPolicy}); for the driver who holds it this releases the ride back to REQUESTED so dispatch can
 * find another driver. Thread-safe.
 */
public final class CancelRide {

    private final RideChanges changes;
    private final InstantSource clock;
    private final CancellationPolicy policy;

    public CancelRide(RideChanges changes, InstantSource clock, CancellationPolicy policy) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param actor the ride's rider or driver
     * @throws RideNotFound if the actor may not see the ride
     * @throws io.ridemesh.order.ride.domain.IllegalRideTransition if the status does not allow it
     * @throws io.ridemesh.order.ride.domain.StaleWrite if another write won the race
     * @throws IllegalArgumentException if the actor is neither a rider nor a driver
     */
    public Ride cancel(RideId id, Actor actor) {
        return switch (actor.role()) {
            case RIDER -> changes.change(id, actor, ride -> ride.cancelByRider(clock.instant(), policy));
            case DRIVER -> changes.change(id, actor, ride -> ride.release(actor.asDriver(), clock.instant()));
            case OPERATOR, SERVICE ->
                throw new IllegalArgumentException(
                        "only the rider or the driver may cancel a ride, but the caller is " + actor.role());
        };
    }
}
