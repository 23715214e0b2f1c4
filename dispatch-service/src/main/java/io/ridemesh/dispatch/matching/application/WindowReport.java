package io.ridemesh.dispatch.matching.application;

import java.util.Map;
import java.util.Objects;

/**
 * What one window of one unit did, for logs and metrics.
 *
 * @param unitCode the unit
 * @param rides rides taken into the window
 * @param candidates distinct drivers considered
 * @param offered offers placed, shared-trip insertions included
 * @param lostRaces assignments another matcher got to first (driver or ride locked); retried next window
 * @param unmatched rides without a feasible driver
 * @param gaveUp rides reported to order-service as without driver
 * @param solver the solver used, or {@code none} when none ran (an empty window, or every ride joined a shared trip)
 * @param totalEtaSeconds summed pickup ETA of the placed offers, seconds
 * @param pooled offers placed that insert a POOL ride into an active shared trip (part of {@code offered})
 * @param poolRejected POOL rides that had shared-trip vehicles nearby but no feasible insertion, by reason
 *     ({@code wait}, {@code ride-time}, {@code seats}); they went on to the ordinary assignment
 */
public record WindowReport(
        String unitCode,
        int rides,
        int candidates,
        int offered,
        int lostRaces,
        int unmatched,
        int gaveUp,
        String solver,
        long totalEtaSeconds,
        int pooled,
        Map<String, Integer> poolRejected) {

    public WindowReport {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(solver, "solver");
        poolRejected = Map.copyOf(poolRejected);
    }

    static WindowReport empty(String unitCode) {
        return new WindowReport(unitCode, 0, 0, 0, 0, 0, 0, "none", 0, 0, Map.of());
    }
}
