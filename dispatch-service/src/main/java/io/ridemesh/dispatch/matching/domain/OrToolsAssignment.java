package io.ridemesh.dispatch.matching.domain;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Optimal matching with Google OR-Tools' {@code LinearSumAssignment} (a cost-scaling push-relabel algorithm: A. V.
 * Goldberg and R. Kennedy, "An efficient cost scaling algorithm for the assignment problem", Mathematical Programming
 * 71 (1995) 153-177), which needs a perfect matching of equal sides. The rectangular, sparse window problem is made
 * one:
 *
 * <pre>
 * left  = R rides + D "idle" slots        right = D drivers + R "unmatched" slots
 * ride i   -> driver j      cost c(i,j)   (feasible pairs only)
 * ride i   -> unmatched i   cost BIG      (ride i gets no driver)
 * idle j   -> driver j      cost 0        (driver j stays free)
 * idle j   -> unmatched i   cost 0        (so every combination stays perfect)
 * </pre>
 *
 * With {@code BIG} above the cost of any matching, the optimum first matches as many rides as possible, then
 * minimises their total cost: a driver for one more rider always beats a shorter pickup for another. Thread-safe:
 * each solve builds and frees its own native solver.
 */
public final class OrToolsAssignment implements AssignmentSolver {

    private static final AtomicReference<Optional<Throwable>> LOADED = new AtomicReference<>();

    private OrToolsAssignment() {}

    /**
     * The solver, if OR-Tools' native library loads on this platform ({@code Loader.loadNativeLibraries()}, tried once
     * per JVM).
     *
     * @return empty with the reason logged by the caller, via {@link #loadFailure()}, when it does not
     */
    public static Optional<OrToolsAssignment> load() {
        return loadFailure().isPresent() ? Optional.empty() : Optional.of(new OrToolsAssignment());
    }

    /** Why the native library did not load, if it did not. */
    public static synchronized Optional<Throwable> loadFailure() {
        Optional<Throwable> outcome = LOADED.get();
        if (outcome == null) {
            try {
                Loader.loadNativeLibraries();
                outcome = Optional.empty();
            } catch (LinkageError | RuntimeException e) {
                outcome = Optional.of(e);
            }
            LOADED.set(outcome);
        }
        return outcome;
    }

    @Override
    public int[] solve(long[][] cost, int columns) {
        int rides = cost.length;
        int[] match = new int[rides];
        Arrays.fill(match, -1);
        if (rides == 0 || columns == 0) {
            return match;
        }
        long big = 1;
        boolean anyArc = false;
        for (long[] row : cost) {
            long max = 0;
            for (int j = 0; j < columns; j++) {
                if (row[j] != NO_ARC) {
                    if (row[j] < 0) {
                        throw new IllegalArgumentException("costs must be >= 0, but one was " + row[j]);
                    }
                    max = Math.max(max, row[j]);
                    anyArc = true;
                }
            }
            big = Math.addExact(big, max);
        }
        if (!anyArc) {
            return match;
        }
        LinearSumAssignment solver = new LinearSumAssignment();
        try {
            for (int i = 0; i < rides; i++) {
                for (int j = 0; j < columns; j++) {
                    if (cost[i][j] != NO_ARC) {
                        solver.addArcWithCost(i, j, cost[i][j]);
                    }
                }
                solver.addArcWithCost(i, columns + i, big);
            }
            for (int j = 0; j < columns; j++) {
                solver.addArcWithCost(rides + j, j, 0);
                for (int i = 0; i < rides; i++) {
                    solver.addArcWithCost(rides + j, columns + i, 0);
                }
            }
            LinearSumAssignment.Status status = solver.solve();
            if (status != LinearSumAssignment.Status.OPTIMAL) {
                throw new IllegalStateException(
                        "LinearSumAssignment ended " + status + " on " + rides + " rides x " + columns + " drivers");
            }
            for (int i = 0; i < rides; i++) {
                int mate = solver.getRightMate(i);
                match[i] = mate < columns ? mate : -1;
            }
            return match;
        } finally {
            solver.delete();
        }
    }

    @Override
    public String name() {
        return "or-tools";
    }
}
