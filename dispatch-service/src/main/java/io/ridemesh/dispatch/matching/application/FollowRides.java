package io.ridemesh.dispatch.matching.application;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePools;
import io.ridemesh.dispatch.matching.pooling.domain.LeaveOutcome;
import io.ridemesh.dispatch.supply.application.HeldOffers;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Use case: follows order-service's ride events after assignment, so drivers and rides leave or re-enter dispatch.
 * Driver assigned: the driver is busy ({@link DriverSupply#beginTrip}), whatever dispatch believed, so a driver who
 * holds a ride is never offered another (an open offer the driver held is declined and its ride re-dispatched).
 * Completed or cancelled: the ride leaves dispatch and its driver is free again. Driver released (the driver gave the
 * ride back, the ride is REQUESTED again): the driver is free and the ride is queued again without that driver.
 *
 * <p>Shared (POOL) trips ({@link ActivePools}): a rider boarding ({@code RideStarted}) is recorded so that later
 * insertions count the rider's ride time from then; a rider leaving (completed, cancelled, released) drops the rider's
 * stops, and the driver is free only when the trip's last rider has left. A driver without a shared trip is freed as
 * before.
 *
 * <p>Thread-safe; every step is idempotent, so replays are harmless.
 */
public final class FollowRides {

    private final PendingRides pending;
    private final DriverSupply supply;
    private final ActivePools pools;
    private final UnitMap units;
    private final MatchingSettings settings;
    private final HeldOffers heldOffers;
    private final Duration stateTtl;
    private final InstantSource clock;

    /**
     * @param heldOffers declines an offer a newly assigned driver still holds
     * @param stateTtl how long a driver's state lives after a write (dispatch.supply.state-ttl)
     */
    public FollowRides(
            PendingRides pending,
            DriverSupply supply,
            ActivePools pools,
            UnitMap units,
            MatchingSettings settings,
            HeldOffers heldOffers,
            Duration stateTtl,
            InstantSource clock) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.supply = Objects.requireNonNull(supply, "supply");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.units = Objects.requireNonNull(units, "units");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.heldOffers = Objects.requireNonNull(heldOffers, "heldOffers");
        this.stateTtl = Objects.requireNonNull(stateTtl, "stateTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rider of {@code rideId} boarded {@code driver}'s vehicle at {@code at} (order-service's RideStarted). */
    public void started(long rideId, DriverId driver, Instant at) {
        pools.boarded(driver, rideId, at);
    }

    /**
     * order-service assigned ride {@code rideId} to {@code driver} (its DriverAssigned). Usually the accepted offer has
     * already made the driver busy and nothing changes; otherwise the driver leaves the index now. A pending offer the
     * driver holds is declined first (its ride goes back to the queue without this driver); an offer being accepted is
     * left to its accept.
     */
    public void assigned(long rideId, DriverId driver) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (supply.beginTrip(driver, stateTtl).orElse(null) != DriverStatus.OFFERED) {
                return;
            }
            heldOffers.declineHeldBy(driver);
        }
    }

    /** The ride completed or was cancelled. */
    public void ended(long rideId, int unitId, @Nullable DriverId driver) {
        units.byId(unitId).ifPresent(u -> pending.withdraw(rideId, u.code()));
        if (driver != null) {
            free(driver, rideId);
        }
    }

    /** The driver released the ride; it needs another driver. */
    public void released(long rideId, int unitId, DriverId driver) {
        free(driver, rideId);
        Optional<UnitDefinition> unit = units.byId(unitId);
        unit.ifPresent(u -> pending.requeue(rideId, u.code(), Optional.of(driver), true));
    }

    /** The ride no longer needs the driver: off the shared trip, or the whole (private) trip ends. */
    private void free(DriverId driver, long rideId) {
        Instant seenSince = clock.instant().minus(settings.staleAfter());
        if (pools.left(driver, rideId, seenSince) == LeaveOutcome.NOT_POOLED) {
            supply.endTrip(driver, seenSince);
        }
    }
}
