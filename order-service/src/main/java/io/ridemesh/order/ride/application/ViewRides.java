package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.Rides;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Use case: read one ride, or list the caller's rides. Visibility per {@link RideAccess}. Thread-safe. */
public final class ViewRides {

    private final Rides rides;
    private final int listLimit;

    /**
     * @param rides where rides are stored
     * @param listLimit most rides a list returns, {@code >= 1}
     */
    public ViewRides(Rides rides, int listLimit) {
        this.rides = Objects.requireNonNull(rides, "rides");
        if (listLimit < 1) {
            throw new IllegalArgumentException("listLimit must be >= 1, but was " + listLimit);
        }
        this.listLimit = listLimit;
    }

    /**
     * The ride, if the caller may see it.
     *
     * @throws RideNotFound otherwise
     */
    public Ride find(RideId id, Actor actor) {
        return rides.find(id).filter(ride -> RideAccess.canSee(actor, ride)).orElseThrow(() -> new RideNotFound(id));
    }

    /**
     * The caller's rides, newest first: a rider's own, the rides a driver holds or held; every ride for operators and
     * services.
     *
     * @param status only rides in this status, or all if {@code null}
     */
    public List<Ride> list(Actor actor, @Nullable RideStatus status) {
        Rides.Filter filter =
                switch (actor.role()) {
                    case RIDER -> new Rides.Filter(actor.asRider(), null, status);
                    case DRIVER -> new Rides.Filter(null, actor.asDriver(), status);
                    case OPERATOR, SERVICE -> new Rides.Filter(null, null, status);
                };
        return rides.list(filter, listLimit);
    }
}
