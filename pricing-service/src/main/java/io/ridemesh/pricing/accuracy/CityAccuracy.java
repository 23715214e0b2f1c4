package io.ridemesh.pricing.accuracy;

import java.util.Objects;

/**
 * How well one unit's estimates match its real trips. Fractions, not percents. Immutable; thread-safe.
 *
 * @param city unit code
 * @param trips trips scored
 * @param skipped rows and trips left out (reader reasons, outside the service area, zero fare)
 * @param fareMdape median absolute percentage error of the no-surge metered fare against the real metered fare
 * @param durationMdape median absolute percentage error of the duration estimate
 * @param within20pct share of trips whose fare estimate is within ±20% of the real fare
 * @param fareMedianBias median of (estimate - actual) / actual for the fare: negative = under-quoting
 * @param durationMedianBias the same for duration
 */
public record CityAccuracy(
        String city,
        long trips,
        long skipped,
        double fareMdape,
        double durationMdape,
        double within20pct,
        double fareMedianBias,
        double durationMedianBias) {

    public CityAccuracy {
        Objects.requireNonNull(city, "city");
        if (trips < 0 || skipped < 0) {
            throw new IllegalArgumentException("trips and skipped must be >= 0, but were " + trips + ", " + skipped);
        }
    }
}
