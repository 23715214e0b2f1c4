package io.ridemesh.dispatch.matching.pooling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every case sits exactly on a constraint's boundary (accepted) and one second past it (rejected). Points lie on the
 * equator; {@link #LINE} makes 0.001 degrees of longitude one second of driving, so times are exact integers.
 *
 * <p>Rules: maxWait 250 s, alpha 1.5, beta 100 s, maxAbsoluteDetour 200 s, no dwell. So a 100 s direct ride may last
 * min(100 + 200, 1.5 * 100 + 100) = 250 s (alpha/beta binds) and a 400 s one min(600, 700) = 600 s (absolute binds).
 */
class PoolingInsertionTest {

    private static final TravelTimes LINE = (a, b) -> Math.round(Math.abs(a.lon() - b.lon()) * 1000);

    private static final PoolingRules RULES = new PoolingRules(
            Duration.ofSeconds(250), 1.5, Duration.ofSeconds(100), Duration.ofSeconds(200), Duration.ZERO);

    private final PoolingInsertion insertion = new PoolingInsertion(LINE, RULES);

    @Test
    void maxRideIsTheSmallerOfAbsoluteDetourAndAlphaBeta() {
        assertThat(RULES.maxRideSeconds(100)).isEqualTo(250.0);
        assertThat(RULES.maxRideSeconds(200)).isEqualTo(400.0);
        assertThat(RULES.maxRideSeconds(400)).isEqualTo(600.0);
    }

    @Test
    void acceptsADetourThatMakesAnOnBoardRiderRideExactlyAlphaTimesDirectPlusBeta() {
        // R1 on board (boarded at 0 at x=0), heading to x=100: direct 100 s, may ride 250 s.
        // Fetching N at x=-75 first: 75 s back + 175 s to x=100 = 250 s. Exactly at the limit.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 1, 0, 100), 4);
        InsertionResult r = insertion.insert(trip, waiting("N", 1, -75, 100, 0), 0);
        assertThat(r).isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> {
            assertThat(in.pickupIndex()).isZero();
            assertThat(in.stops()).extracting(s -> s.rider().riderId()).containsExactly("N", "N", "R1");
        });
    }

    @Test
    void rejectsADetourOneSecondBeyondAlphaTimesDirectPlusBeta() {
        // x=-76: R1 would ride 76 + 176 = 252 s > 250 s; serving R1 first makes N wait 100 + 176 = 276 s > 250 s.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 1, 0, 100), 4);
        InsertionResult r = insertion.insert(trip, waiting("N", 1, -76, 100, 0), 0);
        assertThat(r).isInstanceOfSatisfying(InsertionResult.Rejected.class, rej -> assertThat(rej.violation())
                .isEqualTo(InsertionResult.Violation.RIDE_TIME));
    }

    @Test
    void acceptsADetourExactlyAtTheAbsoluteLimit() {
        // R1 direct 400 s may ride min(600, 700) = 600 s: fetching N at x=-100 costs 100 + 500 = 600 s.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 1, 0, 400), 4);
        assertThat(insertion.insert(trip, waiting("N", 1, -100, 400, 0), 0))
                .isInstanceOf(InsertionResult.Inserted.class);
    }

    @Test
    void rejectsADetourOneSecondBeyondTheAbsoluteLimit() {
        // x=-101: 101 + 501 = 602 s > 600 s (alpha/beta would allow 700 s); the other order makes N wait 901 s.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 1, 0, 400), 4);
        assertThat(insertion.insert(trip, waiting("N", 1, -101, 400, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Rejected.class, rej -> assertThat(rej.reason())
                        .contains("R1"));
    }

    @Test
    void acceptsANewRiderWaitingExactlyMaxWait() {
        PooledTrip empty = new PooledTrip(at(0), 4, List.of());
        assertThat(insertion.insert(empty, waiting("N", 1, 250, 300, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> assertThat(in.addedSeconds())
                        .isEqualTo(300));
    }

    @Test
    void rejectsANewRiderWaitingOneSecondMoreThanMaxWait() {
        PooledTrip empty = new PooledTrip(at(0), 4, List.of());
        assertThat(insertion.insert(empty, waiting("N", 1, 251, 300, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Rejected.class, rej -> {
                    assertThat(rej.reason()).contains("would wait 251 s");
                    assertThat(rej.violation()).isEqualTo(InsertionResult.Violation.WAIT);
                });
    }

    @Test
    void keepsTheWaitPromiseOfARiderAlreadyAssigned() {
        // R2 asked at -200 and is picked up at x=50 at t=50: a 250 s wait, exactly the limit. Fetching N at x=-1
        // first would make R2 wait 252 s, so N is picked up after R2.
        PoolRider r2 = waiting("R2", 1, 50, 150, -200);
        PooledTrip trip = new PooledTrip(at(0), 4, List.of(new Stop.Pickup(r2), new Stop.Dropoff(r2)));
        InsertionResult r = insertion.insert(trip, waiting("N", 1, -1, 150, 0), 0);
        assertThat(r).isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> {
            assertThat(in.stops().get(0).rider().riderId()).isEqualTo("R2");
            assertThat(in.pickupIndex()).isEqualTo(1);
        });
    }

    @Test
    void respectsSeats() {
        // 4 seats, 3 taken until x=100. One more seat fits at once; two must wait for R1 to leave.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 3, 0, 100), 4);
        assertThat(insertion.insert(trip, waiting("N", 1, 10, 100, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> assertThat(in.pickupIndex())
                        .isZero());
        assertThat(insertion.insert(trip, waiting("N", 2, 10, 100, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> assertThat(in.pickupIndex())
                        .isEqualTo(1));
        assertThat(insertion.insert(trip, waiting("N", 5, 10, 100, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Rejected.class, rej -> {
                    assertThat(rej.reason()).contains("capacity 4");
                    assertThat(rej.violation()).isEqualTo(InsertionResult.Violation.SEATS);
                });
    }

    @Test
    void picksTheCheapestOfSeveralFeasibleInsertions() {
        // N rides along inside R1's path (x=20 to x=80): inserting both stops on the way adds nothing.
        PooledTrip trip = tripWithOnBoard(onBoard("R1", 1, 0, 100), 4);
        assertThat(insertion.insert(trip, waiting("N", 1, 20, 80, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> {
                    assertThat(in.addedSeconds()).isZero();
                    assertThat(in.stops())
                            .extracting(s ->
                                    s.getClass().getSimpleName() + s.rider().riderId())
                            .containsExactly("PickupN", "DropoffN", "DropoffR1");
                });
    }

    @Test
    void reportsThePickupEtaAlongTheNewStopsWithTheDwellBeforeIt() {
        // 10 s per stop: R2 waits at x=30 (first stop), N boards at x=50 after it: 30 + 10 + 20 = 60 s from now.
        PoolingInsertion dwelling = new PoolingInsertion(
                LINE,
                new PoolingRules(
                        Duration.ofSeconds(250),
                        1.5,
                        Duration.ofSeconds(100),
                        Duration.ofSeconds(200),
                        Duration.ofSeconds(10)));
        PoolRider r2 = waiting("R2", 1, 30, 200, 0);
        PooledTrip trip = new PooledTrip(at(0), 4, List.of(new Stop.Pickup(r2), new Stop.Dropoff(r2)));
        assertThat(dwelling.insert(trip, waiting("N", 1, 50, 150, 0), 0))
                .isInstanceOfSatisfying(InsertionResult.Inserted.class, in -> {
                    assertThat(in.pickupIndex()).isEqualTo(1);
                    assertThat(in.pickupEtaSeconds()).isEqualTo(60);
                    assertThat(in.addedSeconds()).as("two more stops of 10 s").isEqualTo(20);
                });
    }

    @Test
    void validatesItsRules() {
        assertThatThrownBy(() -> new PoolingRules(
                        Duration.ofMinutes(10), 0.9, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ZERO))
                .hasMessage("maxTravelTimeAlpha must be >= 1, but was 0.9");
    }

    private static GeoPoint at(int second) {
        return new GeoPoint(0, second / 1000.0);
    }

    private static PoolRider onBoard(String id, int seats, int pickupX, int dropoffX) {
        return new PoolRider(id, seats, at(pickupX), at(dropoffX), -60, Math.abs(dropoffX - pickupX), 0L);
    }

    private static PoolRider waiting(String id, int seats, int pickupX, int dropoffX, long requestedAt) {
        return new PoolRider(id, seats, at(pickupX), at(dropoffX), requestedAt, Math.abs(dropoffX - pickupX), null);
    }

    private static PooledTrip tripWithOnBoard(PoolRider rider, int capacity) {
        return new PooledTrip(at(0), capacity, List.of(new Stop.Dropoff(rider)));
    }
}
