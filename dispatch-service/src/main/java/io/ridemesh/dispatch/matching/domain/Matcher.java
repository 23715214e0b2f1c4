package io.ridemesh.dispatch.matching.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * One window's batch assignment: pairs the window's rides with nearby free drivers so that as many rides as possible
 * get a driver and, among those pairings, the total pickup ETA is least (Uber and Lyft both moved from "nearest driver
 * first" to such batched matching; the gain is the greedy counter-example in {@link GreedyNearestFirst}).
 *
 * <p>Cost of a pair = the pickup ETA of {@link EtaModel}, whole seconds. A pair is infeasible, and never offered, when
 * the driver has fewer free seats than the ride booked, the ETA exceeds {@code maxPickupEta}, or the caller's filter
 * rejects it (drivers who already declined the ride).
 *
 * <p>Pure: no I/O, no clock. Thread-safe if the solver is (both provided ones are).
 */
public final class Matcher {

    private final EtaModel eta;
    private final AssignmentSolver solver;
    private final long maxPickupEtaSeconds;

    /**
     * @param maxPickupEta the longest pickup a rider is asked to wait for, {@code > 0}
     */
    public Matcher(EtaModel eta, AssignmentSolver solver, Duration maxPickupEta) {
        this.eta = Objects.requireNonNull(eta, "eta");
        this.solver = Objects.requireNonNull(solver, "solver");
        if (maxPickupEta.isNegative() || maxPickupEta.isZero()) {
            throw new IllegalArgumentException("maxPickupEta must be > 0, but was " + maxPickupEta);
        }
        this.maxPickupEtaSeconds = maxPickupEta.toSeconds();
    }

    /** {@link #match(List, List, BiPredicate)} with every pair allowed. */
    public MatchResult match(List<RideRequest> requests, List<DriverCandidate> drivers) {
        return match(requests, drivers, (r, d) -> true);
    }

    /**
     * @param requests the window's rides (distinct ride ids)
     * @param drivers the candidates; a driver listed twice counts once (the first entry)
     * @param allowed extra filter on pairs
     */
    public MatchResult match(
            List<RideRequest> requests,
            List<DriverCandidate> drivers,
            BiPredicate<RideRequest, DriverCandidate> allowed) {
        Map<Object, DriverCandidate> unique = new LinkedHashMap<>();
        for (DriverCandidate d : drivers) {
            unique.putIfAbsent(d.id(), d);
        }
        List<DriverCandidate> columns = new ArrayList<>(unique.values());
        long[][] cost = new long[requests.size()][columns.size()];
        for (int i = 0; i < requests.size(); i++) {
            RideRequest r = requests.get(i);
            for (int j = 0; j < columns.size(); j++) {
                DriverCandidate d = columns.get(j);
                long seconds = eta.seconds(d.location(), r.pickup());
                boolean feasible = d.seats() >= r.seats() && seconds <= maxPickupEtaSeconds && allowed.test(r, d);
                cost[i][j] = feasible ? seconds : AssignmentSolver.NO_ARC;
            }
        }
        int[] match = solver.solve(cost, columns.size());
        List<Assignment> assignments = new ArrayList<>();
        List<RideRequest> unmatched = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int j = match[i];
            if (j >= 0 && cost[i][j] != AssignmentSolver.NO_ARC) {
                assignments.add(new Assignment(requests.get(i), columns.get(j), cost[i][j]));
            } else {
                unmatched.add(requests.get(i));
            }
        }
        return new MatchResult(assignments, unmatched, solver.name());
    }

    /** The solver this matcher uses. */
    public AssignmentSolver solver() {
        return solver;
    }
}
