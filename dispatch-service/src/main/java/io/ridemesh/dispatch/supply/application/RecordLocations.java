package io.ridemesh.dispatch.supply.application;

import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import io.ridemesh.dispatch.supply.domain.LocationOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Use case: a driver reports one fix or a batch (a device that was offline uploads its buffer), or shows it is still
 * there while it waits for an offer without moving ({@link #heartbeat}). Every fix is checked
 * before anything is stored, so a bad batch changes nothing. Only the newest fix of a batch moves the driver: matching
 * needs the current position, not the track. Thread-safe.
 */
public final class RecordLocations {

    private final DriverSupply supply;
    private final DriverPlacements placements;
    private final SupplySettings settings;
    private final InstantSource clock;

    public RecordLocations(
            DriverSupply supply, DriverPlacements placements, SupplySettings settings, InstantSource clock) {
        this.supply = Objects.requireNonNull(supply, "supply");
        this.placements = Objects.requireNonNull(placements, "placements");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records one fix.
     *
     * @throws InvalidDriverInput if {@code ts} lies beyond the allowed clock skew
     * @throws DriverNotOnline if the driver is offline or its state expired
     */
    public LocationOutcome record(DriverId driver, LocationFix fix) {
        return record(driver, List.of(fix), "");
    }

    /**
     * The driver app's sign of life while it waits for an offer (its long poll): the driver's last fix counts as seen
     * now, so a parked driver stays matchable without sending the same position again. A driver who is not online is
     * left alone; the caller decides what that means (the long poll answers 409 {@code driver-not-online}).
     *
     * @return false when the driver is not online
     */
    public boolean heartbeat(DriverId driver) {
        return supply.heartbeat(driver, clock.instant(), settings.stateTtl());
    }

    /**
     * Records a batch of 1..{@code maxBatchPoints} fixes (any order).
     *
     * @throws InvalidDriverInput naming {@code points} or {@code points[i].ts}
     * @throws DriverNotOnline if the driver is offline or its state expired
     */
    public LocationOutcome recordBatch(DriverId driver, List<LocationFix> fixes) {
        if (fixes.isEmpty() || fixes.size() > settings.maxBatchPoints()) {
            throw new InvalidDriverInput(
                    "points", "must hold 1.." + settings.maxBatchPoints() + " points, but held " + fixes.size());
        }
        return record(driver, fixes, "points");
    }

    private LocationOutcome record(DriverId driver, List<LocationFix> fixes, String prefix) {
        Instant latestAllowed = clock.instant().plus(settings.maxClockSkew());
        for (int i = 0; i < fixes.size(); i++) {
            Instant at = fixes.get(i).at();
            if (at.isAfter(latestAllowed)) {
                String field = prefix.isEmpty() ? "ts" : prefix + "[" + i + "].ts";
                throw new InvalidDriverInput(
                        field,
                        "must be at most " + settings.maxClockSkew().toMillis() + " ms ahead of the server clock ("
                                + latestAllowed.toEpochMilli() + "), but was " + at.toEpochMilli());
            }
        }
        LocationFix newest =
                fixes.stream().max(Comparator.comparing(LocationFix::at)).orElseThrow();
        LocationOutcome outcome = supply.locate(driver, placements.place(newest), settings.stateTtl());
        if (outcome == LocationOutcome.NOT_ONLINE) {
            throw new DriverNotOnline(driver);
        }
        return outcome;
    }
}
