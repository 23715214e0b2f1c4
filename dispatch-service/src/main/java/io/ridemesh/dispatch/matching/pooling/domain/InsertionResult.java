package io.ridemesh.dispatch.matching.pooling.domain;

import java.util.List;
import java.util.Objects;

/** What trying to pool a new rider found. Closed set. Immutable; thread-safe. */
public sealed interface InsertionResult {

    /** Which promise of {@link PoolingRules} (or the seat limit) an insertion would break. */
    enum Violation {
        /** A pickup would come later than {@code maxWait} after the rider's request. */
        WAIT,
        /** A ride would last longer than {@code min(direct + maxAbsoluteDetour, alpha * direct + beta)}. */
        RIDE_TIME,
        /** The riders on board would need more seats than the vehicle has. */
        SEATS
    }

    /**
     * The cheapest feasible insertion.
     *
     * @param stops the new stop sequence
     * @param pickupIndex position of the new pickup in {@code stops}
     * @param dropoffIndex position of the new dropoff in {@code stops}
     * @param addedSeconds how much longer the trip takes to its last stop, seconds, {@code >= 0} for a consistent
     *     travel-time model
     * @param pickupEtaSeconds seconds from now until the vehicle reaches the new rider's pickup along {@code stops}
     *     (travel and the dwell at the stops before it), {@code >= 0}
     */
    record Inserted(List<Stop> stops, int pickupIndex, int dropoffIndex, long addedSeconds, long pickupEtaSeconds)
            implements InsertionResult {
        public Inserted {
            stops = List.copyOf(stops);
            if (pickupEtaSeconds < 0) {
                throw new IllegalArgumentException("pickupEtaSeconds must be >= 0, but was " + pickupEtaSeconds);
            }
        }
    }

    /**
     * No position pair keeps every promise.
     *
     * @param violation the promise broken by the insertion that came closest (latest first violation)
     * @param reason that violation in words, for logs
     */
    record Rejected(Violation violation, String reason) implements InsertionResult {
        public Rejected {
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
