package io.ridemesh.pricing.domain;

/**
 * An estimated trip before pricing. Immutable; thread-safe.
 *
 * @param distanceMetres estimated road distance, metres, {@code > 0}
 * @param durationSeconds estimated duration, seconds, {@code > 0}
 * @param slowSeconds the part of the duration the meter charges by time, seconds, within [0, durationSeconds]
 */
public record TripEstimate(double distanceMetres, double durationSeconds, double slowSeconds) {

    public TripEstimate {
        if (!(distanceMetres > 0) || Double.isInfinite(distanceMetres)) {
            throw new IllegalArgumentException("distanceMetres must be > 0 and finite, but was " + distanceMetres);
        }
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be > 0 and finite, but was " + durationSeconds);
        }
        if (!(slowSeconds >= 0 && slowSeconds <= durationSeconds)) {
            throw new IllegalArgumentException(
                    "slowSeconds must be within [0, " + durationSeconds + "], but was " + slowSeconds);
        }
    }

    /** Distance rounded half-up to whole metres. */
    public long roundedDistanceMetres() {
        return Math.round(distanceMetres);
    }

    /** Duration rounded half-up to whole seconds. */
    public long roundedDurationSeconds() {
        return Math.round(durationSeconds);
    }
}
