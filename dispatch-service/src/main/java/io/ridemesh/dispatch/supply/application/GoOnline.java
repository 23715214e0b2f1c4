package io.ridemesh.dispatch.supply.application;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverPlacement;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import java.time.InstantSource;
import java.util.Objects;

/** Use case: a driver goes online at a place with some free seats. Thread-safe. */
public final class GoOnline {

    private final DriverSupply supply;
    private final DriverPlacements placements;
    private final SupplySettings settings;
    private final InstantSource clock;

    public GoOnline(DriverSupply supply, DriverPlacements placements, SupplySettings settings, InstantSource clock) {
        this.supply = Objects.requireNonNull(supply, "supply");
        this.placements = Objects.requireNonNull(placements, "placements");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param seats free passenger seats, {@code >= 1}
     * @return the driver's status now: available, or offered / on_trip if it held one before
     * @throws InvalidDriverInput if {@code seats} is below 1
     * @throws OutsideServiceArea if the point is in no unit's area
     */
    public DriverStatus online(DriverId driver, int seats, GeoPoint at) {
        if (seats < 1) {
            throw new InvalidDriverInput("seats", "must be >= 1, but was " + seats);
        }
        DriverPlacement placement = placements.place(new LocationFix(at, clock.instant()));
        if (placement.unit() == null) {
            throw new OutsideServiceArea("lat", at);
        }
        return supply.goOnline(driver, seats, placement, settings.stateTtl());
    }
}
