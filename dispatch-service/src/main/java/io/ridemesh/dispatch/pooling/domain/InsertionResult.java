package io.ridemesh.dispatch.pooling.domain;

import java.util.List;

/** What trying to pool a new rider found. Closed set. */
public sealed interface InsertionResult {

    /**
     * The cheapest feasible insertion.
     *
     * @param stops the new stop sequence
     * @param pickupIndex position of the new pickup in {@code stops}
     * @param dropoffIndex position of the new dropoff in {@code stops}
     * @param addedSeconds how much longer the trip takes to its last stop, seconds
     */
    record Inserted(List<Stop> stops, int pickupIndex, int dropoffIndex, long addedSeconds) implements InsertionResult {
        public Inserted {
            stops = List.copyOf(stops);
        }
    }

    /**
     * No position pair keeps every promise.
     *
     * @param reason the violation of the insertion that came closest (latest first violation)
     */
    record Rejected(String reason) implements InsertionResult {}
}
