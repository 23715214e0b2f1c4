package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Estimates distance and duration of a trip from its end points and pickup time with a unit's
 * {@link CityCalibration} (formulas and sources there). Immutable; thread-safe.
 */
public final class TripEstimator {

    private final Map<String, CityCalibration> calibrations;
    private final CellIndex cells;

    /**
     * @param calibrations per unit code
     * @param cells maps points to the cells the calibrations' factors are keyed by
     */
    public TripEstimator(Map<String, CityCalibration> calibrations, CellIndex cells) {
        this.calibrations = Map.copyOf(calibrations);
        this.cells = Objects.requireNonNull(cells, "cells");
    }

    /**
     * The estimate for a trip in {@code unit} from {@code pickup} to {@code dropoff} starting at {@code at}.
     *
     * @throws IllegalStateException if the unit has no calibration
     */
    public TripEstimate estimate(ServiceUnit unit, GeoPoint pickup, GeoPoint dropoff, Instant at) {
        CityCalibration c = calibrationOf(unit);
        double distance = c.distanceMetres(pickup.haversineMetresTo(dropoff));
        int hour = at.atZone(unit.zone()).getHour();
        double duration = c.durationSeconds(
                distance, hour, cells.cellAt(pickup, c.cellResolution()), cells.cellAt(dropoff, c.cellResolution()));
        return new TripEstimate(distance, duration, c.slowSeconds(distance, duration));
    }

    /** @throws IllegalStateException if the unit has no calibration */
    public CityCalibration calibrationOf(ServiceUnit unit) {
        CityCalibration c = calibrations.get(unit.code());
        if (c == null) {
            throw new IllegalStateException("no calibration for unit " + unit.code() + "; run Calibrate");
        }
        return c;
    }
}
