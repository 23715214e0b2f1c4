package io.ridemesh.dispatch.matching.application;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.domain.PendingRide;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.domain.UnitHomes;
import io.ridemesh.dispatch.matching.domain.WaitingRides;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: keeps this region's dispatch in step with the replicated routing table (unit -> home region), so that
 * after a failover the unit's new home region dispatches the rides that were waiting for a driver in the old one
 * (issue: "after a move, the new home region takes over that unit's rides still waiting for a driver").
 *
 * <p>Each {@link #refresh()}:
 *
 * <ul>
 *   <li>a unit that became homed here (or every unit homed here, on the first successful read and every {@code
 *       sweepInterval}): its rides in status {@code REQUESTED} in the region's copy of the replicated rides table,
 *       requested between {@code maxAge} and {@code grace} ago, are queued (by the same atomic register as the event
 *       path, so a ride already queued or under offer is left alone). This also recovers the queues after a loss of the
 *       region's Redis.
 *   <li>a unit that is no longer homed here: its queued rides are dropped from this region's queues without reporting
 *       "no driver"; the new home dispatches them. Open offers run out normally; an accept that still arrives is
 *       settled by order-service's versioned CAS.
 * </ul>
 *
 * Matching windows run only for units {@link #dispatchesUnit homed here}; until the routing table was read once,
 * every unit counts as homed here (the behaviour without a routing table). Thread-safe: {@code refresh} is serialized,
 * {@code dispatchesUnit} reads a volatile snapshot.
 */
public final class FollowUnitHomes {

    private static final Logger log = LoggerFactory.getLogger(FollowUnitHomes.class);

    private final UnitHomes unitHomes;
    private final WaitingRides waitingRides;
    private final PendingRides pending;
    private final UnitMap units;
    private final int selfRegion;
    private final TakeoverSettings settings;
    private final InstantSource clock;
    private volatile @Nullable Set<Integer> local;
    private Instant lastSweep = Instant.EPOCH;

    public FollowUnitHomes(
            UnitHomes unitHomes,
            WaitingRides waitingRides,
            PendingRides pending,
            UnitMap units,
            int selfRegion,
            TakeoverSettings settings,
            InstantSource clock) {
        this.unitHomes = Objects.requireNonNull(unitHomes, "unitHomes");
        this.waitingRides = Objects.requireNonNull(waitingRides, "waitingRides");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.units = Objects.requireNonNull(units, "units");
        this.selfRegion = selfRegion;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return whether this region runs the matching windows of {@code unitId}: it is homed here, or the routing table
     *     has not been read yet
     */
    public boolean dispatchesUnit(int unitId) {
        Set<Integer> l = local;
        return l == null || l.contains(unitId);
    }

    /**
     * Reads the routing table once and acts on the changes (see the class comment).
     *
     * @return what changed
     * @throws io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable when a replicated table cannot be read;
     *     nothing is remembered and the next call tries again (registering is idempotent)
     */
    public synchronized Report refresh() {
        Map<Integer, Integer> homes = unitHomes.homes();
        Set<Integer> now = homes.entrySet().stream()
                .filter(e -> e.getValue() == selfRegion)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> before = local;
        Instant at = clock.instant();
        boolean sweep = !at.isBefore(lastSweep.plus(settings.sweepInterval()));
        Set<Integer> gained = new TreeSet<>();
        Set<Integer> lost = new TreeSet<>();
        int adopted = 0;
        int released = 0;
        for (int unit : now) {
            boolean isNew = before == null || !before.contains(unit);
            if (isNew) {
                gained.add(unit);
            }
            if (isNew || sweep) {
                adopted += adopt(unit, at);
            }
        }
        if (before != null) {
            for (int unit : before) {
                if (!now.contains(unit)) {
                    lost.add(unit);
                    released += release(unit);
                }
            }
        }
        local = Set.copyOf(now);
        if (sweep) {
            lastSweep = at;
        }
        if (!lost.isEmpty() || (before != null && !gained.isEmpty()) || adopted > 0) {
            log.info(
                    "unit homes: gained {}, lost {}; {} waiting ride(s) taken over, {} queued ride(s) left to the"
                            + " new home",
                    gained,
                    lost,
                    adopted,
                    released);
        }
        return new Report(Set.copyOf(gained), Set.copyOf(lost), adopted, released);
    }

    private int adopt(int unitId, Instant at) {
        Optional<UnitDefinition> unit = units.byId(unitId);
        if (unit.isEmpty()) {
            return 0;
        }
        int adopted = 0;
        for (RideRequest ride : waitingRides.waiting(
                unitId, at.minus(settings.maxAge()), at.minus(settings.grace()), settings.maxRides())) {
            // A fresh event id per check; it is remembered only until the next check, the ride's own key is what
            // makes a second registration a no-op (KNOWN_RIDE).
            RegisterOutcome outcome = pending.register(
                    "takeover:" + ride.rideId() + ":" + at.toEpochMilli(),
                    unit.get().code(),
                    ride,
                    settings.sweepInterval(),
                    settings.requestTtl());
            if (outcome == RegisterOutcome.REGISTERED) {
                adopted++;
            }
        }
        return adopted;
    }

    private int release(int unitId) {
        Optional<UnitDefinition> unit = units.byId(unitId);
        if (unit.isEmpty()) {
            return 0;
        }
        int released = 0;
        for (PendingRide ride : pending.oldest(unit.get().code(), settings.maxRides())) {
            pending.withdraw(ride.request().rideId(), unit.get().code());
            released++;
        }
        return released;
    }

    /**
     * What one {@link #refresh()} changed.
     *
     * @param gained units that became homed here
     * @param lost units no longer homed here
     * @param adopted waiting rides queued here by this call
     * @param released queued rides dropped because their unit left
     */
    public record Report(Set<Integer> gained, Set<Integer> lost, int adopted, int released) {}
}
