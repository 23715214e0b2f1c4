package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An active shared trip: where the vehicle is now and the stops it still has to make, in order. Riders on board have
 * only their dropoff left; waiting riders have their pickup, then their dropoff. Immutable; thread-safe.
 *
 * @param vehicleAt the vehicle's position now
 * @param capacity passenger seats, {@code >= 1}
 * @param stops remaining stops in order
 */
public record PooledTrip(GeoPoint vehicleAt, int capacity, List<Stop> stops) {

    public PooledTrip {
        Objects.requireNonNull(vehicleAt, "vehicleAt");
        stops = List.copyOf(stops);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, but was " + capacity);
        }
        Set<String> picked = new HashSet<>();
        Set<String> dropped = new HashSet<>();
        for (Stop s : stops) {
            String id = s.rider().riderId();
            if (s instanceof Stop.Pickup) {
                if (s.rider().onBoard() || !picked.add(id)) {
                    throw new IllegalArgumentException(
                            "stops must pick up a waiting rider once, but rider " + id + " was not");
                }
            } else {
                if (!(s.rider().onBoard() || picked.contains(id)) || !dropped.add(id)) {
                    throw new IllegalArgumentException(
                            "stops must drop rider " + id + " once, after its pickup, but did not");
                }
            }
        }
        if (!dropped.containsAll(picked)) {
            throw new IllegalArgumentException(
                    "every picked-up rider needs a dropoff, but " + picked + " had " + dropped);
        }
    }

    /** Seats taken now (riders on board). */
    public int load() {
        return stops.stream()
                .filter(s -> s instanceof Stop.Dropoff && s.rider().onBoard())
                .mapToInt(s -> s.rider().seats())
                .sum();
    }
}
