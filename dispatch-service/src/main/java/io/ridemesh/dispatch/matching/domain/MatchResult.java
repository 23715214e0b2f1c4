package io.ridemesh.dispatch.matching.domain;

import java.util.List;
import java.util.Objects;

/**
 * What one window decided. Immutable; thread-safe.
 *
 * @param assignments the pairs, each ride and each driver at most once
 * @param unmatched rides without a feasible driver this window
 * @param solver name of the solver that decided ({@code or-tools} or {@code greedy})
 */
public record MatchResult(List<Assignment> assignments, List<RideRequest> unmatched, String solver) {

    public MatchResult {
        assignments = List.copyOf(assignments);
        unmatched = List.copyOf(unmatched);
        Objects.requireNonNull(solver, "solver");
    }

    /** Sum of the assignments' pickup ETAs, seconds. */
    public long totalEtaSeconds() {
        return assignments.stream().mapToLong(Assignment::pickupEtaSeconds).sum();
    }
}
