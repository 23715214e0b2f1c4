package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rider of a shared trip. Times are seconds on the caller's timeline (e.g. epoch seconds). Immutable; thread-safe.
 *
 * @param riderId identifies the rider within the trip
 * @param seats seats booked, {@code >= 1}
 * @param pickup where to board
 * @param dropoff where to alight
 * @param requestedAtSecond when the rider asked
 * @param directRideSeconds the unshared ride time pickup to dropoff, seconds
 * @param pickedUpAtSecond when the rider boarded, or {@code null} while waiting
 */
public record PoolRider(
        String riderId,
        int seats,
        GeoPoint pickup,
        GeoPoint dropoff,
        long requestedAtSecond,
        long directRideSeconds,
        @Nullable Long pickedUpAtSecond) {

    public PoolRider {
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
        if (directRideSeconds < 0) {
            throw new IllegalArgumentException("directRideSeconds must be >= 0, but was " + directRideSeconds);
        }
    }

    /** Whether the rider is in the vehicle. */
    public boolean onBoard() {
        return pickedUpAtSecond != null;
    }
}
