package io.ridemesh.dispatch.matching.pooling.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The service promises a shared ride keeps, as in MATSim's demand-responsive transport module (DRT): J. Bischoff, M.
 * Maciejewski and K. Nagel, "City-wide shared taxis: A simulation study in Berlin", IEEE ITSC 2017, and the DRT
 * optimisation constraints {@code maxWaitTime}, {@code maxTravelTimeAlpha}, {@code maxTravelTimeBeta} and
 * {@code maxAbsoluteDetour} (matsim-libs {@code contribs/drt}, {@code DrtOptimizationConstraintsSet}). Lyft Line and
 * UberPOOL sell the same promise: a bounded wait and a bounded detour over the direct ride.
 *
 * <p>For a rider whose direct (unshared) ride takes {@code d} seconds:
 *
 * <pre>
 * wait (request to pickup)  &lt;= maxWait
 * ride (pickup to dropoff)  &lt;= min(d + maxAbsoluteDetour, maxTravelTimeAlpha * d + maxTravelTimeBeta)
 * </pre>
 *
 * i.e. the extra ride time over the direct ride stays within {@code min(maxAbsoluteDetour, (alpha - 1) * d + beta)},
 * MATSim's definition ({@code alpha >= 1} scales the whole ride, not just the detour). Unlike MATSim, where the travel
 * time limit counts from the request, the wait is bounded separately here, so the ride limit covers in-vehicle time
 * only. Comparisons are inclusive: a ride exactly at the limit is accepted.
 *
 * <p>The defaults ({@code dispatch.pooling.*}) lie within the ranges of MATSim's DRT example scenarios (maxWaitTime
 * 600 s, alpha 1.3-2.0, beta 400-900 s). Immutable; thread-safe.
 *
 * @param maxWait longest wait from request to pickup
 * @param maxTravelTimeAlpha ride-time factor over the direct ride, {@code >= 1}
 * @param maxTravelTimeBeta ride-time allowance added to it
 * @param maxAbsoluteDetour longest extra ride time over the direct ride
 * @param stopDuration time spent at each stop (boarding, alighting)
 */
public record PoolingRules(
        Duration maxWait,
        double maxTravelTimeAlpha,
        Duration maxTravelTimeBeta,
        Duration maxAbsoluteDetour,
        Duration stopDuration) {

    public PoolingRules {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxTravelTimeBeta, "maxTravelTimeBeta");
        Objects.requireNonNull(maxAbsoluteDetour, "maxAbsoluteDetour");
        Objects.requireNonNull(stopDuration, "stopDuration");
        if (!(maxTravelTimeAlpha >= 1)) {
            throw new IllegalArgumentException("maxTravelTimeAlpha must be >= 1, but was " + maxTravelTimeAlpha);
        }
        for (Duration d : new Duration[] {maxWait, maxTravelTimeBeta, maxAbsoluteDetour, stopDuration}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must be >= 0, but one was " + d);
            }
        }
    }

    /** The longest allowed ride, seconds, for a direct ride of {@code directSeconds}. */
    public double maxRideSeconds(long directSeconds) {
        return Math.min(
                directSeconds + (double) maxAbsoluteDetour.toSeconds(),
                maxTravelTimeAlpha * directSeconds + maxTravelTimeBeta.toSeconds());
    }
}
