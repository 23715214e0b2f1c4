package io.ridemesh.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CityCalibrationTest {

    @Test
    void addsTheAccessFloorInQuadrature() {
        CityCalibration c = new CityCalibration("nyc", 1, 1.5, 400, 1.0, Collections.nCopies(24, 0.0), 7, Map.of(), 10);

        assertThat(c.distanceMetres(0)).isEqualTo(400);
        assertThat(c.distanceMetres(200)).isCloseTo(500, within(1e-9)); // sqrt(300^2 + 400^2)
    }

    @Test
    void scalesDurationByHourAndAveragedCellFactors() {
        CityCalibration c = new CityCalibration(
                "nyc",
                1,
                1.0,
                0,
                1.0,
                Collections.nCopies(24, Math.log(0.1)),
                7,
                Map.of("p", Math.log(2), "d", 0.0),
                10);

        // 1000 m at 10 m/s = 100 s, pickup cell twice as slow, dropoff neutral: x sqrt(2).
        assertThat(c.durationSeconds(1000, 8, "p", "d")).isCloseTo(100 * Math.sqrt(2), within(1e-9));
        assertThat(c.durationSeconds(1000, 8, "x", "y")).isCloseTo(100, within(1e-9));
    }

    @Test
    void splitsSlowTimeByCruiseSpeed() {
        CityCalibration c = Fixtures.simpleCalibration("nyc");

        assertThat(c.slowSeconds(1000, 300)).isEqualTo(200); // 100 s cruising at 10 m/s
        assertThat(c.slowSeconds(1000, 50)).isZero();
    }

    @Test
    void estimatesFromPointsAtTheUnitsLocalHour() {
        TripEstimator estimator =
                new TripEstimator(Map.of("nyc", Fixtures.simpleCalibration("nyc")), (p, res) -> "cell");
        GeoPoint a = new GeoPoint(40.7527, -73.9772);
        GeoPoint b = new GeoPoint(40.7061, -74.0087);

        TripEstimate e = estimator.estimate(Fixtures.nyc(), a, b, Instant.parse("2026-03-02T13:00:00Z"));

        assertThat(e.distanceMetres()).isCloseTo(1.25 * a.haversineMetresTo(b), within(1e-6));
        assertThat(e.durationSeconds()).isCloseTo(e.distanceMetres() / 8, within(1e-6));
        assertThat(e.slowSeconds()).isCloseTo(e.durationSeconds() - e.distanceMetres() / 10, within(1e-6));
    }

    @Test
    void rejectsDetourBelowOne() {
        assertThatThrownBy(
                        () -> new CityCalibration("nyc", 1, 0.9, 0, 1, Collections.nCopies(24, 0.0), 7, Map.of(), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detourFactor must be within [1, 3], but was 0.9");
    }

    @Test
    void measuresHaversineOfAKnownPair() {
        // Grand Central to Wall Street: about 5.4 km as the crow flies.
        double d = new GeoPoint(40.7527, -73.9772).haversineMetresTo(new GeoPoint(40.7061, -74.0087));
        assertThat(d).isCloseTo(5_800, within(400.0));
    }
}
