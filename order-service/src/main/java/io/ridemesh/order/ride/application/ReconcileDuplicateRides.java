package io.ridemesh.order.ride.application;

import io.ridemesh.kit.security.Role;
import io.ridemesh.order.ride.domain.DuplicateRides;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.IllegalRideTransition;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.unit.domain.UnitHomes;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws duplicate rides: a rider's second ride for one Idempotency-Key, created by another region during a
 * failover before the first had replicated there ({@link DuplicateRides} says which one the rider keeps). Runs in
 * every region, but acts only on rides of units homed in its own region: the home region is where the unit's rides
 * are written, so its copies are the newest; a region acting on a stale replica could withdraw the ride the home
 * region had just advanced, and a terminal write wins every merge. Each withdrawal is the usual versioned CAS, so a
 * concurrent change makes it fail harmlessly and the next pass looks again.
 *
 * <p>Not thread-safe: one pass at a time (the scheduler runs it on one thread).
 */
public final class ReconcileDuplicateRides {

    private static final Logger log = LoggerFactory.getLogger(ReconcileDuplicateRides.class);
    private static final Actor RECONCILER = new Actor("duplicate-ride-reconciler", Role.SERVICE);

    private final Rides rides;
    private final RideChanges changes;
    private final UnitHomes homes;
    private final int regionId;
    private final InstantSource clock;

    /**
     * @param regionId this region's id, 1..15
     */
    public ReconcileDuplicateRides(
            Rides rides, RideChanges changes, UnitHomes homes, int regionId, InstantSource clock) {
        this.rides = Objects.requireNonNull(rides, "rides");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.homes = Objects.requireNonNull(homes, "homes");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (regionId < 1 || regionId > 15) {
            throw new IllegalArgumentException("regionId must be in 1..15, but was " + regionId);
        }
        this.regionId = regionId;
    }

    /**
     * What one pass did.
     *
     * @param groups duplicate groups of units homed here that were examined
     * @param withdrawn rides cancelled as duplicates
     * @param contended withdrawals that lost a CAS or found the ride moved on; retried by the next pass
     * @param elsewhere duplicate groups left to the home region of their unit
     */
    public record Pass(int groups, List<Ride> withdrawn, int contended, int elsewhere) {
        public Pass {
            withdrawn = List.copyOf(withdrawn);
        }
    }

    /**
     * One pass over the open rides that have a duplicate.
     *
     * @param limit at most this many open rides are examined, 1..1000
     * @throws UnitHomes.UnitHomesUnavailable if the routing table cannot be read (nothing is withdrawn)
     * @throws org.springframework.dao.DataAccessException if the rides cannot be read
     */
    public Pass runOnce(int limit) {
        List<Ride> candidates = rides.findOpenWithDuplicates(limit);
        if (candidates.isEmpty()) {
            return new Pass(0, List.of(), 0, 0);
        }
        Map<Integer, Integer> home = homes.homes();
        Set<List<String>> seen = new HashSet<>();
        List<Ride> withdrawn = new ArrayList<>();
        int groups = 0;
        int contended = 0;
        int elsewhere = 0;
        for (Ride candidate : candidates) {
            if (!seen.add(List.of(
                    candidate.riderId().value(), candidate.idempotencyKey().value()))) {
                continue;
            }
            if (!Integer.valueOf(regionId).equals(home.get(candidate.unitId()))) {
                elsewhere++;
                continue;
            }
            groups++;
            RiderId rider = candidate.riderId();
            IdempotencyKey key = candidate.idempotencyKey();
            var resolution = DuplicateRides.resolve(rides.findAllByIdempotencyKey(rider, key));
            if (resolution.isEmpty()) {
                continue;
            }
            for (Ride duplicate : resolution.get().withdrawn()) {
                try {
                    Ride cancelled = changes.change(
                            duplicate.id(), RECONCILER, ride -> true, ride -> ride.cancelAsDuplicate(clock.instant()));
                    withdrawn.add(cancelled);
                    log.info(
                            "withdrew ride {} of rider {} as a duplicate of ride {} (same Idempotency-Key {})",
                            duplicate.id(),
                            rider.value(),
                            resolution.get().survivor().id(),
                            key.value());
                } catch (StaleWrite | IllegalRideTransition | RideNotFound e) {
                    contended++;
                }
            }
        }
        return new Pass(groups, withdrawn, contended, elsewhere);
    }
}
