package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideStatus;

/**
 * Which rides a caller may see. A ride a caller may not see is reported as not found, so ride ids cannot be probed.
 *
 * <ul>
 *   <li>rider: their own rides;
 *   <li>driver: rides they hold or held, and every REQUESTED ride (in this iteration every open request counts as
 *       offered to every driver; dispatch offers will narrow it);
 *   <li>operator and service: every ride.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class RideAccess {

    private RideAccess() {}

    /** Whether {@code actor} may see {@code ride}. */
    public static boolean canSee(Actor actor, Ride ride) {
        return switch (actor.role()) {
            case RIDER -> ride.riderId().value().equals(actor.userId());
            case DRIVER ->
                ride.status() == RideStatus.REQUESTED
                        || (ride.driverId() != null && ride.driverId().value().equals(actor.userId()));
            case OPERATOR, SERVICE -> true;
        };
    }
}
