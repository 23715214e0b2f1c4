package io.ridemesh.pricing.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.pricing.domain.CityCalibration;
import io.ridemesh.pricing.domain.Fixtures;
import io.ridemesh.pricing.domain.ServiceUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    @Test
    void recoversDetourSpeedAndCruiseFromSyntheticTrips() {
        ServiceUnit nyc = Fixtures.nyc();
        Random random = new Random(42);
        List<Trip> trips = new ArrayList<>();
        double cruise = 9.0;
        for (int i = 0; i < 2_000; i++) {
            GeoPoint a = new GeoPoint(40.70 + random.nextDouble() * 0.1, -74.00 + random.nextDouble() * 0.05);
            GeoPoint b = new GeoPoint(40.70 + random.nextDouble() * 0.1, -74.00 + random.nextDouble() * 0.05);
            double metres = 1.3 * a.haversineMetresTo(b) + 1;
            double seconds = metres / 6.0; // 6 m/s everywhere: duration exponent 1
            long fare = nyc.tariffAt(Instant.EPOCH.plusSeconds(1_400_000_000))
                    .meterCents(metres, Math.max(0, seconds - metres / cruise));
            trips.add(new Trip(
                    "s" + i,
                    "nyc",
                    Instant.parse("2014-05-13T14:00:00Z"),
                    a.lat(),
                    a.lon(),
                    b.lat(),
                    b.lon(),
                    Math.max(1, Math.round(seconds)),
                    Math.max(1, Math.round(metres)),
                    fare,
                    -1,
                    ""));
        }

        Calibrator.Fit fit = new Calibrator((p, res) -> "cell", 7).fit(nyc, trips);
        CityCalibration c = fit.calibration();

        assertThat(c.detourFactor()).isCloseTo(1.3, within(0.02));
        assertThat(c.durationExponent()).isCloseTo(1.0, within(0.05));
        assertThat(c.cruiseSpeedMps()).isCloseTo(cruise, within(0.5));
        assertThat(fit.distanceMdape()).isLessThan(0.01);
        assertThat(fit.durationMdape()).isLessThan(0.05);
    }
}
