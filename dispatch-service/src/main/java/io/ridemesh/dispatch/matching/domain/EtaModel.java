package io.ridemesh.dispatch.matching.domain;

import io.ridemesh.common.geo.GeoPoint;

/**
 * Travel time between two points without a road network: {@code t = haversine(a, b) × detourFactor / speed}, rounded
 * up to whole seconds.
 *
 * <p><b>Model and sources.</b> The straight-line (haversine) distance times a circuity ("detour") factor estimates
 * the road distance (Ballou, Rahardja &amp; Sakai, "Selected country circuity factors for road and rail network
 * distances", International Journal of Physical Distribution &amp; Logistics Management 32(7), 2002, who measure
 * factors of about 1.2-1.4 for road networks). The defaults come from this project's own fit of real taxi trips
 * (pricing-service {@code pricing-calibration.json}, NYC TLC 2013 sample): detour factor 1.28 (NYC) and 1.15
 * (Chicago), so 1.3 by default; and the fitted duration power law gives an average door-to-door speed of about
 * 4.7 m/s for a 2 km NYC trip, so 5 m/s by default. A pickup leg is short and urban, where this average is a fair
 * guess; it ignores time of day, one-way streets and rivers, which is the price of needing no routing engine.
 *
 * <p>Immutable; thread-safe.
 *
 * @param detourFactor road distance over straight-line distance, in [1, 3]
 * @param speedMetresPerSecond average driving speed, metres per second, {@code > 0}
 */
public record EtaModel(double detourFactor, double speedMetresPerSecond) {

    public EtaModel {
        if (!(detourFactor >= 1 && detourFactor <= 3)) {
            throw new IllegalArgumentException("detourFactor must be in [1, 3], but was " + detourFactor);
        }
        if (!(speedMetresPerSecond > 0)) {
            throw new IllegalArgumentException("speedMetresPerSecond must be > 0, but was " + speedMetresPerSecond);
        }
    }

    /** Estimated driving time from {@code from} to {@code to}, whole seconds, rounded up. */
    public long seconds(GeoPoint from, GeoPoint to) {
        return (long) Math.ceil(from.haversineMetresTo(to) * detourFactor / speedMetresPerSecond);
    }
}
