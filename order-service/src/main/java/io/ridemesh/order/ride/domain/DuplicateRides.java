package io.ridemesh.order.ride.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ride of a duplicate group a rider keeps. A duplicate group is every live ride of one rider with one
 * Idempotency-Key. It has more than one ride only when a failover moved the rider's unit while the first ride had
 * not replicated yet: the app's retry of the same request reached the new home region, which did not know the key
 * and created a second ride (migration V5 keeps both as distinct rows, so none is lost). The rider asked once, so
 * all but one are withdrawn ({@link Ride#cancelAsDuplicate}).
 *
 * <p>The survivor is the ride furthest along, because withdrawing it would undo more: a rider's own cancellation
 * first (the rider's last word on that request: the others are withdrawn too), then COMPLETED, IN_PROGRESS,
 * DRIVER_ARRIVED, DRIVER_ASSIGNED, REQUESTED, then the endings nobody chose (no driver found, rider no-show), and
 * last rides already withdrawn; ties go to the smaller id, the earlier creation. The choice depends only on the rides' states, so every region
 * that reads the same rows picks the same survivor. Rides that are neither the survivor nor withdrawable (a second
 * trip already in progress or over) are left alone: both trips happened.
 *
 * <p>Pure and thread-safe.
 */
public final class DuplicateRides {

    private static final Map<RideStatus, Integer> PRECEDENCE = Map.of(
            RideStatus.CANCELLED_BY_RIDER, 6,
            RideStatus.COMPLETED, 5,
            RideStatus.IN_PROGRESS, 4,
            RideStatus.DRIVER_ARRIVED, 3,
            RideStatus.DRIVER_ASSIGNED, 2,
            RideStatus.REQUESTED, 1,
            RideStatus.NO_DRIVER_AVAILABLE, 0,
            RideStatus.CANCELLED_BY_DRIVER, 0,
            RideStatus.CANCELLED_AS_DUPLICATE, -1);

    private static final Comparator<Ride> SURVIVOR_FIRST = Comparator.<Ride>comparingInt(
                    ride -> -PRECEDENCE.get(ride.status()))
            .thenComparingLong(ride -> ride.id().value());

    private DuplicateRides() {}

    /**
     * The outcome for one group.
     *
     * @param survivor the ride the rider keeps
     * @param withdrawn the rides to cancel as duplicates (REQUESTED, DRIVER_ASSIGNED or DRIVER_ARRIVED), by id
     */
    public record Resolution(Ride survivor, List<Ride> withdrawn) {
        public Resolution {
            Objects.requireNonNull(survivor, "survivor");
            withdrawn = List.copyOf(withdrawn);
        }
    }

    /**
     * Resolves a group.
     *
     * @param group the live rides of one rider and Idempotency-Key, any order
     * @return empty if the group has fewer than two rides or nothing to withdraw
     * @throws IllegalArgumentException if the rides do not all share the rider and the key
     */
    public static Optional<Resolution> resolve(List<Ride> group) {
        if (group.size() < 2) {
            return Optional.empty();
        }
        Ride first = group.get(0);
        for (Ride ride : group) {
            if (!ride.riderId().equals(first.riderId())
                    || !ride.idempotencyKey().equals(first.idempotencyKey())) {
                throw new IllegalArgumentException("a duplicate group shares one rider and Idempotency-Key, but "
                        + ride.id() + " differs from " + first.id());
            }
        }
        List<Ride> ordered = group.stream().sorted(SURVIVOR_FIRST).toList();
        Ride survivor = ordered.get(0);
        List<Ride> withdrawn = ordered.stream()
                .skip(1)
                .filter(DuplicateRides::withdrawable)
                .sorted(Comparator.comparingLong(ride -> ride.id().value()))
                .toList();
        return withdrawn.isEmpty() ? Optional.empty() : Optional.of(new Resolution(survivor, withdrawn));
    }

    private static boolean withdrawable(Ride ride) {
        return switch (ride.status()) {
            case REQUESTED, DRIVER_ASSIGNED, DRIVER_ARRIVED -> true;
            default -> false;
        };
    }
}
