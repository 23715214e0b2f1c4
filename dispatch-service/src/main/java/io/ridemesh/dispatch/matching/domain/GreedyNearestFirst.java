package io.ridemesh.dispatch.matching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy matching: take the cheapest remaining feasible pair, drop its ride and driver, repeat (ties by row, then
 * column, so results are deterministic). O(E log E) for E feasible pairs. It is what a "nearest driver first"
 * dispatcher does, and it can be far from optimal: with costs A-X 1, A-Y 3, B-X 2, B-Y 100 it pairs A-X and B-Y (101)
 * where A-Y and B-X cost 5. Used when OR-Tools is unavailable. Stateless; thread-safe.
 */
public final class GreedyNearestFirst implements AssignmentSolver {

    @Override
    public int[] solve(long[][] cost, int columns) {
        List<long[]> arcs = new ArrayList<>();
        for (int i = 0; i < cost.length; i++) {
            for (int j = 0; j < columns; j++) {
                if (cost[i][j] != NO_ARC) {
                    arcs.add(new long[] {cost[i][j], i, j});
                }
            }
        }
        arcs.sort((a, b) -> {
            for (int k = 0; k < 3; k++) {
                int c = Long.compare(a[k], b[k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        int[] match = new int[cost.length];
        Arrays.fill(match, -1);
        boolean[] taken = new boolean[columns];
        for (long[] arc : arcs) {
            int i = (int) arc[1];
            int j = (int) arc[2];
            if (match[i] < 0 && !taken[j]) {
                match[i] = j;
                taken[j] = true;
            }
        }
        return match;
    }

    @Override
    public String name() {
        return "greedy";
    }
}
