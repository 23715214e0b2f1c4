package io.ridemesh.dispatch.matching.pooling.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link PoolAssigner} decided for one window's POOL rides. Immutable; thread-safe.
 *
 * @param chosen the insertions to offer, each ride and each trip at most once
 * @param rejected rides that had at least one candidate trip but no feasible insertion, with the violation of the
 *     nearest candidate's closest insertion
 */
public record PoolDecision(List<Choice> chosen, Map<Long, InsertionResult.Violation> rejected) {

    public PoolDecision {
        chosen = List.copyOf(chosen);
        rejected = Map.copyOf(rejected);
    }

    /**
     * One ride inserted into one trip.
     *
     * @param request the ride
     * @param pool the trip it joins
     * @param insertion the new stop sequence, its added time and the new rider's pickup ETA
     */
    public record Choice(PoolRequest request, ActivePool pool, InsertionResult.Inserted insertion) {
        public Choice {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(insertion, "insertion");
        }
    }
}
