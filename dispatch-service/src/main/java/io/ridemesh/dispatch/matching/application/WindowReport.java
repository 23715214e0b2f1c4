package io.ridemesh.dispatch.matching.application;

/**
 * What one window of one unit did, for logs and metrics.
 *
 * @param unitCode the unit
 * @param rides rides taken into the window
 * @param candidates distinct drivers considered
 * @param offered offers placed
 * @param lostRaces assignments another matcher got to first (driver or ride locked); retried next window
 * @param unmatched rides without a feasible driver
 * @param gaveUp rides reported to order-service as without driver
 * @param solver the solver used, or {@code none} for an empty window
 * @param totalEtaSeconds summed pickup ETA of the placed offers, seconds
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
        long totalEtaSeconds) {

    static WindowReport empty(String unitCode) {
        return new WindowReport(unitCode, 0, 0, 0, 0, 0, 0, "none", 0);
    }
}
