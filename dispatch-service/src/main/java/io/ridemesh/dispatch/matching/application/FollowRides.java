package io.ridemesh.dispatch.matching.application;

import io.ridemesh.dispatch.geo.ServiceUnit;
import io.ridemesh.dispatch.geo.ServiceUnits;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Use case: follows order-service's ride events after assignment, so drivers and rides leave or re-enter dispatch.
 * Completed or cancelled: the ride leaves dispatch and its driver is free again. Driver released (the driver gave the
 * ride back, the ride is REQUESTED again): the driver is free and the ride is queued again without that driver.
 * Thread-safe; every step is idempotent, so replays are harmless.
 */
public final class FollowRides {

    private final PendingRides pending;
    private final DriverSupply supply;
    private final ServiceUnits units;
    private final MatchingSettings settings;
    private final InstantSource clock;

    public FollowRides(
            PendingRides pending,
            DriverSupply supply,
            ServiceUnits units,
            MatchingSettings settings,
            InstantSource clock) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.supply = Objects.requireNonNull(supply, "supply");
        this.units = Objects.requireNonNull(units, "units");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ride completed or was cancelled. */
    public void ended(long rideId, int unitId, @Nullable DriverId driver) {
        units.byId(unitId).ifPresent(u -> pending.withdraw(rideId, u.code()));
        if (driver != null) {
            supply.endTrip(driver, clock.instant().minus(settings.staleAfter()));
        }
    }

    /** The driver released the ride; it needs another driver. */
    public void released(long rideId, int unitId, DriverId driver) {
        supply.endTrip(driver, clock.instant().minus(settings.staleAfter()));
        Optional<ServiceUnit> unit = units.byId(unitId);
        unit.ifPresent(u -> pending.requeue(rideId, u.code(), Optional.of(driver), true));
    }
}
