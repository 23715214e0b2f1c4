package io.ridemesh.dispatch.matching.pooling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Choosing one shared trip per POOL ride. Points lie on the equator and 0.001 degrees of longitude is one second of
 * driving, as in {@link PoolingInsertionTest}; rules: maxWait 250 s, alpha 1.5, beta 100 s, absolute 200 s, no dwell.
 */
class PoolAssignerTest {

    private static final TravelTimes LINE = (a, b) -> Math.round(Math.abs(a.lon() - b.lon()) * 1000);
    private static final PoolingRules RULES = new PoolingRules(
            Duration.ofSeconds(250), 1.5, Duration.ofSeconds(100), Duration.ofSeconds(200), Duration.ZERO);
    private static final Instant SEEN = Instant.parse("2026-03-02T18:00:00Z");

    private final PoolAssigner assigner = new PoolAssigner(new PoolingInsertion(LINE, RULES));

    @Test
    void picksTheTripThatAddsTheLeastTime() {
        // N rides 20 -> 80. Trip "along" passes both points (adds nothing); trip "beside" ends at 50 (adds 30 s).
        ActivePool along = pool("along", 0, onBoard("R1", 1, 0, 100));
        ActivePool beside = pool("beside", 0, onBoard("R2", 1, 0, 50));
        PoolDecision d = assigner.assign(List.of(request(7, 20, 80)), List.of(List.of(beside, along)), 0);

        assertThat(d.chosen()).singleElement().satisfies(c -> {
            assertThat(c.pool().driver()).isEqualTo(new DriverId("along"));
            assertThat(c.insertion().addedSeconds()).isZero();
            assertThat(c.insertion().pickupEtaSeconds()).isEqualTo(20);
        });
        assertThat(d.rejected()).isEmpty();
    }

    @Test
    void aTripTakesOneNewRiderPerWindow() {
        ActivePool only = pool("only", 0, onBoard("R1", 1, 0, 100));
        PoolDecision d = assigner.assign(
                List.of(request(1, 10, 90), request(2, 20, 80)), List.of(List.of(only), List.of(only)), 0);

        assertThat(d.chosen()).extracting(c -> c.request().rideId()).containsExactly(1L);
        assertThat(d.rejected()).as("not infeasible, only taken").isEmpty();
    }

    @Test
    void skipsExcludedDriversAndTripsThatCarryTheRideAlready() {
        ActivePool declined = pool("declined", 0, onBoard("R1", 1, 0, 100));
        ActivePool carrying = pool("carrying", 0, onBoard("5", 1, 0, 100));
        PoolRequest r = new PoolRequest(5, waiting("5", 1, 20, 80), Set.of(new DriverId("declined")));

        PoolDecision d = assigner.assign(List.of(r), List.of(List.of(declined, carrying)), 0);

        assertThat(d.chosen()).isEmpty();
        assertThat(d.rejected()).isEmpty();
    }

    @Test
    void reportsTheViolationOfTheNearestCandidate() {
        // N books 5 seats of 4 (20 -> 80): "near" (vehicle at 0) can reach the pickup in time but has too few seats;
        // "late" (vehicle at -300) cannot reach it within 250 s.
        ActivePool near = pool("near", 0, onBoard("R1", 1, 0, 100));
        ActivePool late = pool("late", -300, onBoard("R2", 1, -300, -250));
        PoolRequest big = new PoolRequest(9, waiting("9", 5, 20, 80), Set.of());

        assertThat(assigner.assign(List.of(big), List.of(List.of(near, late)), 0)
                        .rejected())
                .isEqualTo(Map.of(9L, InsertionResult.Violation.SEATS));
        assertThat(assigner.assign(List.of(big), List.of(List.of(late, near)), 0)
                        .rejected())
                .isEqualTo(Map.of(9L, InsertionResult.Violation.WAIT));
    }

    @Test
    void aRideWithoutCandidatesIsNeitherChosenNorRejected() {
        PoolDecision d = assigner.assign(List.of(request(3, 20, 80)), List.of(List.of()), 0);
        assertThat(d.chosen()).isEmpty();
        assertThat(d.rejected()).isEmpty();
    }

    @Test
    void needsOneCandidateListPerRequest() {
        assertThatThrownBy(() -> assigner.assign(List.of(request(3, 20, 80)), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static GeoPoint at(int second) {
        return new GeoPoint(0, second / 1000.0);
    }

    private static PoolRequest request(long rideId, int pickupX, int dropoffX) {
        return new PoolRequest(rideId, waiting(Long.toString(rideId), 1, pickupX, dropoffX), Set.of());
    }

    private static PoolRider onBoard(String id, int seats, int pickupX, int dropoffX) {
        return new PoolRider(id, seats, at(pickupX), at(dropoffX), -60, Math.abs(dropoffX - pickupX), 0L);
    }

    private static PoolRider waiting(String id, int seats, int pickupX, int dropoffX) {
        return new PoolRider(id, seats, at(pickupX), at(dropoffX), 0, Math.abs(dropoffX - pickupX), null);
    }

    private static ActivePool pool(String driver, int vehicleX, PoolRider onBoard) {
        return new ActivePool(
                new DriverId(driver),
                "nyc",
                new PooledTrip(at(vehicleX), 4, List.of(new Stop.Dropoff(onBoard))),
                SEEN,
                0);
    }
}
