package io.ridemesh.pricing.domain;

import java.util.Map;
import java.util.Objects;

/**
 * The static pricing configuration: units with their tariffs, and the calibrated estimator parameters per unit.
 * Immutable; thread-safe.
 *
 * @param units served units
 * @param calibrations estimator parameters by unit code; every unit must have one
 */
public record PricingModel(ServiceUnits units, Map<String, CityCalibration> calibrations) {

    public PricingModel {
        Objects.requireNonNull(units, "units");
        calibrations = Map.copyOf(calibrations);
        for (ServiceUnit u : units.all()) {
            if (!calibrations.containsKey(u.code())) {
                throw new IllegalArgumentException("unit " + u.code() + " has no calibration; run Calibrate");
            }
        }
    }
}
