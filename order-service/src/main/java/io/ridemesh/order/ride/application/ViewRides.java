package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.Rides;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Use case: read one ride, list the caller's rides (visibility per {@link RideAccess}), or the rides of a unit that wait
 * for a driver. Thread-safe.
 */
public final class ViewRides {

    /** Most rides one {@link #waiting} read returns. */
    public static final int MAX_WAITING = 10_000;

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

    /**
     * Rides of a unit that wait for a driver, for dispatch-service's takeover of a unit after a failover (ARCHITECTURE.md
     * section 1). Every such ride, whoever requested it: only callers with role {@code service} or {@code operator}
     * reach this (the route admits no other role).
     *
     * @param unitId the unit, 1..63
     * @param requestedFrom only rides requested at or after this instant
     * @param requestedBefore only rides requested before this instant
     * @param limit at most this many, 1..{@value #MAX_WAITING}
     * @return oldest request first
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public List<Ride> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit) {
        if (limit < 1 || limit > MAX_WAITING) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_WAITING + ", but was " + limit);
        }
        return rides.waiting(unitId, requestedFrom, requestedBefore, limit);
    }
}
