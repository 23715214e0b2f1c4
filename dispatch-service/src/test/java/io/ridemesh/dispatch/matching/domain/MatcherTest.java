package io.ridemesh.dispatch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatcherTest {

    /** 1 degree of longitude at the equator = 111,195 m; with detour 1 and 1 m/s an ETA is metres. */
    private static final EtaModel METRES = new EtaModel(1.0, 1.0);

    private static AssignmentSolver orTools;

    @BeforeAll
    static void loadOrTools() {
        orTools = OrToolsAssignment.load().orElse(null);
    }

    @Test
    void orToolsLoadsOnThisPlatform() {
        assertThat(OrToolsAssignment.loadFailure()).isEmpty();
        assertThat(orTools).isNotNull();
    }

    @Test
    void solverBeatsGreedyOnTheClassicCounterExample() {
        // A-X 1, A-Y 3, B-X 2, B-Y 100: greedy takes A-X then B-Y (101); optimal is A-Y + B-X (5)
        long[][] cost = {{1, 3}, {2, 100}};
        assertThat(new GreedyNearestFirst().solve(cost, 2)).containsExactly(0, 1);
        assumeTrue(orTools != null);
        assertThat(orTools.solve(cost, 2)).containsExactly(1, 0);
        assertThat(total(cost, orTools.solve(cost, 2)))
                .isEqualTo(5)
                .isLessThan(total(cost, new GreedyNearestFirst().solve(cost, 2)));
    }

    @Test
    void solverBeatsGreedyOnAGeographicCounterExample() {
        // Drivers on a line: X at 0, Y at 3 km; rides A at 1 km, B at -1.5 km. Greedy takes the cheapest pair first,
        // A-X (1 km), leaving B to Y (4.5 km): 5.5 km. Optimal: A-Y (2 km) + B-X (1.5 km) = 3.5 km.
        List<RideRequest> rides = List.of(ride(1, 0.0, km(1)), ride(2, 0.0, km(-1.5)));
        List<DriverCandidate> drivers = List.of(driver("X", 0.0, 0.0), driver("Y", 0.0, km(3)));
        MatchResult greedy = new Matcher(METRES, new GreedyNearestFirst(), Duration.ofHours(2)).match(rides, drivers);
        assumeTrue(orTools != null);
        MatchResult optimal = new Matcher(METRES, orTools, Duration.ofHours(2)).match(rides, drivers);
        assertThat(optimal.assignments()).hasSize(2);
        assertThat(greedy.assignments()).hasSize(2);
        assertThat(optimal.totalEtaSeconds()).isLessThan(greedy.totalEtaSeconds());
        assertThat(optimal.totalEtaSeconds()).isBetween(3490L, 3510L);
        assertThat(greedy.totalEtaSeconds()).isBetween(5490L, 5510L);
    }

    @Test
    void solverEqualsGreedyWhereGreedyIsOptimal() {
        // each ride has its own nearby driver, far from the others
        List<RideRequest> rides = List.of(ride(1, 0.0, 0.0), ride(2, 0.0, km(10)), ride(3, 0.0, km(20)));
        List<DriverCandidate> drivers =
                List.of(driver("X", 0.0, km(0.2)), driver("Y", 0.0, km(10.3)), driver("Z", 0.0, km(19.9)));
        assumeTrue(orTools != null);
        MatchResult optimal = new Matcher(METRES, orTools, Duration.ofHours(1)).match(rides, drivers);
        MatchResult greedy = new Matcher(METRES, new GreedyNearestFirst(), Duration.ofHours(1)).match(rides, drivers);
        assertThat(optimal.totalEtaSeconds()).isEqualTo(greedy.totalEtaSeconds());
        assertThat(optimal.assignments())
                .extracting(a -> a.driver().id().value())
                .containsExactly("X", "Y", "Z");
    }

    @Test
    void solverMatchesMoreRidesWhereGreedyStrandsOne() {
        // A can reach X and Y, B only X (Y is beyond B's limit). Greedy gives A its nearest, X, and strands B.
        long n = AssignmentSolver.NO_ARC;
        long[][] cost = {{1, 2}, {3, n}};
        assertThat(new GreedyNearestFirst().solve(cost, 2)).containsExactly(0, -1);
        assumeTrue(orTools != null);
        assertThat(orTools.solve(cost, 2)).containsExactly(1, 0);
    }

    @Test
    void solverNeverCostsMoreThanGreedyAndMatchesBruteForceOnRandomInstances() {
        assumeTrue(orTools != null);
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int rides = 1 + random.nextInt(5);
            int drivers = 1 + random.nextInt(5);
            long[][] cost = new long[rides][drivers];
            for (long[] row : cost) {
                for (int j = 0; j < drivers; j++) {
                    row[j] = random.nextInt(4) == 0 ? AssignmentSolver.NO_ARC : random.nextInt(1000);
                }
            }
            int[] greedy = new GreedyNearestFirst().solve(cost, drivers);
            int[] optimal = orTools.solve(cost, drivers);
            long[] best = bruteForce(cost, drivers);
            assertThat(matched(optimal)).as("round %d matched", round).isEqualTo(best[0]);
            assertThat(total(cost, optimal)).as("round %d cost", round).isEqualTo(best[1]);
            assertThat(matched(optimal)).isGreaterThanOrEqualTo(matched(greedy));
            if (matched(optimal) == matched(greedy)) {
                assertThat(total(cost, optimal)).isLessThanOrEqualTo(total(cost, greedy));
            }
            assertDistinctColumns(optimal);
        }
    }

    @Test
    void leavesOutPairsThatAreInfeasible() {
        // seats: the 1-seat driver cannot take a 3-seat booking; ETA: the far driver is beyond 10 minutes at 1 m/s
        List<RideRequest> rides = List.of(
                new RideRequest(1, 1, new GeoPoint(0, 0), new GeoPoint(0, 0.1), Product.SOLO, 3, Instant.EPOCH));
        List<DriverCandidate> drivers = List.of(
                new DriverCandidate(new DriverId("small"), new GeoPoint(0, 0.001), 1),
                new DriverCandidate(new DriverId("far"), new GeoPoint(0, 0.5), 4));
        for (AssignmentSolver solver : solvers()) {
            MatchResult r = new Matcher(METRES, solver, Duration.ofMinutes(10)).match(rides, drivers);
            assertThat(r.assignments()).isEmpty();
            assertThat(r.unmatched()).hasSize(1);
        }
    }

    @Test
    void respectsTheCallersFilter() {
        List<RideRequest> rides = List.of(ride(1, 0.0, 0.0));
        List<DriverCandidate> drivers = List.of(driver("declined", 0.0, km(0.1)), driver("next", 0.0, km(0.5)));
        for (AssignmentSolver solver : solvers()) {
            MatchResult r = new Matcher(METRES, solver, Duration.ofHours(1))
                    .match(rides, drivers, (ride, d) -> !d.id().value().equals("declined"));
            assertThat(r.assignments())
                    .singleElement()
                    .satisfies(a -> assertThat(a.driver().id().value()).isEqualTo("next"));
        }
    }

    @Test
    void handlesEmptyWindows() {
        for (AssignmentSolver solver : solvers()) {
            Matcher m = new Matcher(METRES, solver, Duration.ofHours(1));
            assertThat(m.match(List.of(), List.of(driver("X", 0, 0))).assignments())
                    .isEmpty();
            assertThat(m.match(List.of(ride(1, 0, 0)), List.of()).unmatched()).hasSize(1);
        }
    }

    @Test
    void etaIsHaversineTimesDetourOverSpeedRoundedUp() {
        EtaModel eta = new EtaModel(1.3, 5.0);
        GeoPoint a = new GeoPoint(40.7527, -73.9772);
        GeoPoint b = new GeoPoint(40.7061, -74.0087);
        double metres = a.haversineMetresTo(b);
        assertThat(eta.seconds(a, b)).isEqualTo((long) Math.ceil(metres * 1.3 / 5.0));
        assertThat(eta.seconds(a, a)).isZero();
        assertThatThrownBy(() -> new EtaModel(0.9, 5)).hasMessage("detourFactor must be in [1, 3], but was 0.9");
        assertThatThrownBy(() -> new EtaModel(1.3, -3)).hasMessage("speedMetresPerSecond must be > 0, but was -3.0");
    }

    private static List<AssignmentSolver> solvers() {
        List<AssignmentSolver> s = new ArrayList<>(List.of(new GreedyNearestFirst()));
        if (orTools != null) {
            s.add(orTools);
        }
        return s;
    }

    private static double km(double km) {
        return km * 1000 / 111_195.08;
    }

    private static RideRequest ride(long id, double lat, double lon) {
        return new RideRequest(
                id, 1, new GeoPoint(lat, lon), new GeoPoint(lat + 0.01, lon), Product.SOLO, 1, Instant.EPOCH);
    }

    private static DriverCandidate driver(String id, double lat, double lon) {
        return new DriverCandidate(new DriverId(id), new GeoPoint(lat, lon), 4);
    }

    private static long total(long[][] cost, int[] match) {
        long sum = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                assertThat(cost[i][match[i]]).isNotEqualTo(AssignmentSolver.NO_ARC);
                sum += cost[i][match[i]];
            }
        }
        return sum;
    }

    private static long matched(int[] match) {
        return Arrays.stream(match).filter(j -> j >= 0).count();
    }

    private static void assertDistinctColumns(int[] match) {
        assertThat(Arrays.stream(match).filter(j -> j >= 0).distinct().count()).isEqualTo(matched(match));
    }

    /** {most matched, least cost among those} by trying every assignment. */
    private static long[] bruteForce(long[][] cost, int columns) {
        long[] best = {-1, Long.MAX_VALUE};
        search(cost, columns, 0, new boolean[columns], 0, 0, best);
        return best;
    }

    private static void search(
            long[][] cost, int columns, int row, boolean[] used, long matched, long sum, long[] best) {
        if (row == cost.length) {
            if (matched > best[0] || (matched == best[0] && sum < best[1])) {
                best[0] = matched;
                best[1] = sum;
            }
            return;
        }
        search(cost, columns, row + 1, used, matched, sum, best);
        for (int j = 0; j < columns; j++) {
            if (!used[j] && cost[row][j] != AssignmentSolver.NO_ARC) {
                used[j] = true;
                search(cost, columns, row + 1, used, matched + 1, sum + cost[row][j], best);
                used[j] = false;
            }
        }
    }
}
