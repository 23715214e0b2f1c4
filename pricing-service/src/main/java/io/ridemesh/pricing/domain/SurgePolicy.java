package io.ridemesh.pricing.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of {@link SurgePricing}; defaults live in the service's configuration properties. Immutable;
 * thread-safe.
 *
 * @param h3Resolution H3 resolution of surge cells and of the supply hash's fields (8: 0.74 km² cells, about a
 *     four-minute walk across, so a rider can walk out of a surging cell but a driver count stays meaningful)
 * @param demandWindow how far back quote requests count as demand, {@code > 0}
 * @param balancedRequestsPerDriver requests per available driver (per window) at which the multiplier is 1.0,
 *     {@code > 0}
 * @param sensitivity multiplier increase per request-per-driver above balance, {@code > 0}
 * @param capMilli highest multiplier times 1000, {@code >= 1000}
 * @param smoothing EWMA time constant τ, {@code > 0}
 * @param deadbandMilli smallest change of the smoothed value (times 1000) that moves the published multiplier,
 *     {@code >= 0}
 * @param stepMilli published multipliers are multiples of this (times 1000), {@code > 0}
 * @param idleStateTtl a cell with no quote for this long forgets its state, {@code > 0}
 */
public record SurgePolicy(
        int h3Resolution,
        Duration demandWindow,
        double balancedRequestsPerDriver,
        double sensitivity,
        long capMilli,
        Duration smoothing,
        long deadbandMilli,
        long stepMilli,
        Duration idleStateTtl) {

    public SurgePolicy {
        Objects.requireNonNull(demandWindow, "demandWindow");
        Objects.requireNonNull(smoothing, "smoothing");
        Objects.requireNonNull(idleStateTtl, "idleStateTtl");
        if (h3Resolution < 0 || h3Resolution > 15) {
            throw new IllegalArgumentException("h3Resolution must be within [0, 15], but was " + h3Resolution);
        }
        requirePositive("demandWindow", demandWindow);
        requirePositive("smoothing", smoothing);
        requirePositive("idleStateTtl", idleStateTtl);
        if (!(balancedRequestsPerDriver > 0)) {
            throw new IllegalArgumentException(
                    "balancedRequestsPerDriver must be > 0, but was " + balancedRequestsPerDriver);
        }
        if (!(sensitivity > 0)) {
            throw new IllegalArgumentException("sensitivity must be > 0, but was " + sensitivity);
        }
        if (capMilli < 1000) {
            throw new IllegalArgumentException("capMilli must be >= 1000, but was " + capMilli);
        }
        if (deadbandMilli < 0) {
            throw new IllegalArgumentException("deadbandMilli must be >= 0, but was " + deadbandMilli);
        }
        if (stepMilli <= 0) {
            throw new IllegalArgumentException("stepMilli must be > 0, but was " + stepMilli);
        }
    }

    private static void requirePositive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0, but was " + d);
        }
    }
}
