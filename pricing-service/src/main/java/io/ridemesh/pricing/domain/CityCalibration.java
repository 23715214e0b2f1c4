package io.ridemesh.pricing.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The fitted parameters of one unit's trip estimator, produced by {@code io.ridemesh.pricing.calibration.Calibrate}
 * from real trips and stored in {@code pricing-calibration.json}. Immutable; thread-safe.
 *
 * <p><b>Distance</b> {@code D = sqrt((detourFactor * h)^2 + accessMetres^2)}, with {@code h} the haversine
 * distance: a road-network detour (circuity) factor on the straight line, as in Ballou, Rahardja and Sakai,
 * "Selected country circuity factors for road travel distance estimation", Transportation Research Part A 36 (2002)
 * 843-848; the {@code accessMetres} floor adds the distance a cab covers whatever the straight line (reaching the
 * street grid, one-way streets, U-turns) and soaks up the coordinate rounding of Chicago's tract centroids.
 *
 * <p><b>Duration</b> {@code T = exp(hourLogIntercept[hour] + durationExponent * ln D + (cellFactor(pickupCell) +
 * cellFactor(dropoffCell)) / 2)} seconds: a power law in distance, i.e. an average speed that grows with trip length
 * ({@code v ∝ D^(1 - durationExponent)}: longer trips reach arterials), scaled by a speed factor per local hour of
 * day and by the congestion of the H3 cells at both ends (absent cells count 0). Fitted by least absolute deviation
 * in log space, which minimises the median relative error the accuracy goal is stated in.
 *
 * <p><b>Meter split</b>: {@code slowSeconds = max(0, T - D / cruiseSpeedMps)}. The cab is either cruising at
 * {@code cruiseSpeedMps} (above the meter's crossover speed, so distance is charged) or stopped (time is charged),
 * the two-fluid model of town traffic (R. Herman and I. Prigogine, "A two-fluid approach to town traffic", Science
 * 204 (1979) 148-151). The cruise speed is fitted so that the median metered fare computed from the trips' real
 * distance and duration equals the median real fare.
 *
 * @param unitCode the unit these parameters describe
 * @param trips how many trips were fitted
 * @param detourFactor road distance over straight-line distance, {@code >= 1}
 * @param accessMetres distance floor, metres, {@code >= 0}
 * @param durationExponent exponent of distance in the duration power law, in (0, 1.5]
 * @param hourLogIntercept natural-log intercept per local hour 0-23 (seconds at 1 m), 24 entries
 * @param cellResolution H3 resolution of {@code cellLogFactors}' keys
 * @param cellLogFactors natural-log duration factor per H3 cell address
 * @param cruiseSpeedMps the moving speed of the two-fluid meter split, metres per second, {@code > 0}
 */
public record CityCalibration(
        String unitCode,
        long trips,
        double detourFactor,
        double accessMetres,
        double durationExponent,
        List<Double> hourLogIntercept,
        int cellResolution,
        Map<String, Double> cellLogFactors,
        double cruiseSpeedMps) {

    public CityCalibration {
        Objects.requireNonNull(unitCode, "unitCode");
        if (trips < 0) {
            throw new IllegalArgumentException("trips must be >= 0, but was " + trips);
        }
        if (!(detourFactor >= 1.0 && detourFactor <= 3.0)) {
            throw new IllegalArgumentException("detourFactor must be within [1, 3], but was " + detourFactor);
        }
        if (!(accessMetres >= 0 && accessMetres <= 10_000)) {
            throw new IllegalArgumentException("accessMetres must be within [0, 10000], but was " + accessMetres);
        }
        if (!(durationExponent > 0 && durationExponent <= 1.5)) {
            throw new IllegalArgumentException("durationExponent must be within (0, 1.5], but was " + durationExponent);
        }
        if (hourLogIntercept.size() != 24) {
            throw new IllegalArgumentException(
                    "hourLogIntercept must have 24 entries, but had " + hourLogIntercept.size());
        }
        if (cellResolution < 0 || cellResolution > 15) {
            throw new IllegalArgumentException("cellResolution must be within [0, 15], but was " + cellResolution);
        }
        if (!(cruiseSpeedMps > 0 && cruiseSpeedMps < 60)) {
            throw new IllegalArgumentException("cruiseSpeedMps must be within (0, 60), but was " + cruiseSpeedMps);
        }
        hourLogIntercept = List.copyOf(hourLogIntercept);
        cellLogFactors = Map.copyOf(new TreeMap<>(cellLogFactors));
    }

    /** Estimated road distance in metres for a straight-line distance {@code haversineMetres}. */
    public double distanceMetres(double haversineMetres) {
        double d = detourFactor * haversineMetres;
        return Math.sqrt(d * d + accessMetres * accessMetres);
    }

    /**
     * Estimated duration in seconds.
     *
     * @param distanceMetres estimated road distance, {@code > 0}
     * @param localHour pickup hour 0-23 on the unit's wall clock
     * @param pickupCell H3 address at {@link #cellResolution()} of the pickup
     * @param dropoffCell H3 address at {@link #cellResolution()} of the dropoff
     */
    public double durationSeconds(double distanceMetres, int localHour, String pickupCell, String dropoffCell) {
        double logT = hourLogIntercept.get(localHour)
                + durationExponent * Math.log(Math.max(1.0, distanceMetres))
                + (cellLogFactors.getOrDefault(pickupCell, 0.0) + cellLogFactors.getOrDefault(dropoffCell, 0.0)) / 2;
        return Math.exp(logT);
    }

    /** Seconds the meter charges by time under the two-fluid split, never negative. */
    public double slowSeconds(double distanceMetres, double durationSeconds) {
        return Math.max(0.0, durationSeconds - distanceMetres / cruiseSpeedMps);
    }
}
