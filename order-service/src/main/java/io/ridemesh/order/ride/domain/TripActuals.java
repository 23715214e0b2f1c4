package io.ridemesh.order.ride.domain;

/**
 * What the completed trip really measured, reported by the driver's app. Immutable; thread-safe.
 *
 * @param distanceMetres driven distance, metres, {@code >= 0}
 * @param durationSeconds time from start to completion, seconds, {@code >= 0}
 * @throws IllegalArgumentException if a value is negative
 */
public record TripActuals(long distanceMetres, long durationSeconds) {

    public TripActuals {
        if (distanceMetres < 0) {
            throw new IllegalArgumentException("distanceMetres must be >= 0, but was " + distanceMetres);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be >= 0, but was " + durationSeconds);
        }
    }
}
