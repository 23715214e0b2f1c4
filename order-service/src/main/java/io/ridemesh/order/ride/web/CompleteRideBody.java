package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.domain.TripActuals;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/rides/{id}/complete}: what the driver's app measured.
 *
 * @param actualDistanceMetres driven distance, metres, 0..{@value #MAX_DISTANCE_METRES}
 * @param actualDurationSeconds time from start to drop-off, seconds, 0..{@value #MAX_DURATION_SECONDS}
 */
public record CompleteRideBody(
        @Nullable Long actualDistanceMetres, @Nullable Long actualDurationSeconds) {

    /** Longest plausible trip, metres (2,000 km): more is a broken odometer, not a ride. */
    static final long MAX_DISTANCE_METRES = 2_000_000;

    /** Longest plausible trip, seconds (48 h). */
    static final long MAX_DURATION_SECONDS = 172_800;

    /**
     * Checks ranges, recording problems in {@code errors}.
     *
     * @return the measurements, or {@code null} if a field was rejected
     */
    @Nullable
    TripActuals validate(FieldErrors errors) {
        boolean distance = inRange("actualDistanceMetres", actualDistanceMetres, MAX_DISTANCE_METRES, errors);
        boolean duration = inRange("actualDurationSeconds", actualDurationSeconds, MAX_DURATION_SECONDS, errors);
        return distance && duration ? new TripActuals(actualDistanceMetres, actualDurationSeconds) : null;
    }

    private static boolean inRange(String field, @Nullable Long value, long max, FieldErrors errors) {
        if (!errors.requirePresent(field, value)) {
            return false;
        }
        if (value < 0 || value > max) {
            errors.reject(field, "must be in 0.." + max + ", but was " + value);
            return false;
        }
        return true;
    }
}
