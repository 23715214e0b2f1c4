package io.ridemesh.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FareCalculatorTest {

    final FareCalculator fares = new FareCalculator(new ProductRules(4, 2, 70));
    // 1 mile with 300 s slow: NYC meter 250 + 5 x 50 + 5 x 50 = 750 cents.
    final TripEstimate mile = new TripEstimate(1609.344, 600, 300);
    final LocalDateTime mondayNoon = LocalDateTime.parse("2013-01-07T12:00");

    @ParameterizedTest(name = "{0} x{1} seats, surge {2} -> surged {3}, total {4}")
    @CsvSource({
        "SOLO, 1, 1000,  750,  800", // no surge: meter + 50 MTA
        "SOLO, 1, 1200,  900,  950",
        "SOLO, 1, 1333, 1000, 1050", // 750 x 1.333 = 999.75 -> 1000 (half-up)
        "SOLO, 1, 1001,  751,  801", // 750.75 -> 751
        "SOLO, 1, 3000, 2250, 2300",
        "POOL, 1, 1000,  525,  575", // 70% of 750
        "POOL, 2, 1000, 1050, 1100",
        "POOL, 1, 1500,  788,  838" // 1125 x 0.7 = 787.5 -> 788 (half-up)
    })
    void surgesTheMeterThenAppliesPoolShareWithHalfUpCents(
            Product product, int seats, long surgeMilli, long surged, long total) {
        FareBreakdown f = fares.price(Fixtures.nyc2012(), mile, product, seats, mondayNoon, surgeMilli);

        assertThat(f.meteredCents()).isEqualTo(750);
        assertThat(f.surgedCents()).isEqualTo(surged);
        assertThat(f.totalCents()).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0} seats -> {1} cents extra")
    @CsvSource({"1, 0", "2, 100", "4, 200"})
    void addsChicagoExtraPassengersUnsurgedToSolo(int seats, long extra) {
        FareBreakdown f = fares.price(
                Fixtures.chicago2012(), mile, Product.SOLO, seats, LocalDateTime.parse("2014-05-01T12:00"), 2000);

        assertThat(f.extraPassengerCents()).isEqualTo(extra);
        assertThat(f.totalCents()).isEqualTo(2 * f.meteredCents() + extra);
    }

    @ParameterizedTest(name = "surge {0} leaves surcharges at {1}")
    @CsvSource({"1000, 150", "2500, 150"})
    void neverSurgesSurcharges(long surgeMilli, long surcharges) {
        FareBreakdown f = fares.price(
                Fixtures.nyc2012(), mile, Product.SOLO, 1, LocalDateTime.parse("2013-01-07T17:00"), surgeMilli);

        assertThat(f.surchargesCents()).isEqualTo(surcharges);
    }
}
