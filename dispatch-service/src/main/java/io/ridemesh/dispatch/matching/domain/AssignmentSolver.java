package io.ridemesh.dispatch.matching.domain;

/**
 * Solves one window's assignment problem: rows are rides, columns drivers, {@code cost[i][j]} the cost of offering
 * ride i to driver j, or {@link #NO_ARC} where the pair is infeasible. A solver returns, per row, the matched column
 * or {@code -1}; no column is used twice. Implementations are thread-safe.
 */
public interface AssignmentSolver {

    /** Marks an infeasible pair. */
    long NO_ARC = -1;

    /** @return per row the matched column, or -1 */
    int[] solve(long[][] cost, int columns);

    /** Short name for logs and metrics. */
    String name();
}
