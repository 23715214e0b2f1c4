package io.ridemesh.pricing.domain;

import static io.ridemesh.pricing.domain.Fixtures.FIFTH_MILE;
import static io.ridemesh.pricing.domain.Fixtures.NINTH_MILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TariffTest {

    static Stream<Arguments> meterTable() {
        return Stream.of(
                // tariff, charged distance (m), slow seconds, expected cents
                Arguments.of("nyc", 0.0, 0.0, 250L),
                Arguments.of("nyc", FIFTH_MILE - 0.01, 0.0, 250L),
                Arguments.of("nyc", FIFTH_MILE, 0.0, 300L),
                Arguments.of("nyc", 1609.344, 0.0, 500L),
                Arguments.of("nyc", 0.0, 59.9, 250L),
                Arguments.of("nyc", 0.0, 60.0, 300L),
                Arguments.of("nyc", 0.0, 600.0, 750L),
                Arguments.of("nyc", 1609.344, 300.0, 750L),
                Arguments.of("nyc", 2 * 1609.344 + 100, 179.0, 250L + 10 * 50 + 2 * 50),
                Arguments.of("chicago2012", 10 * NINTH_MILE, 0.0, 525L),
                Arguments.of("chicago2012", 0.0, 36.0, 345L),
                Arguments.of("chicago2012", 0.0, 35.9, 325L),
                Arguments.of("chicago2012", 1609.344, 360.0, 325L + 9 * 20 + 10 * 20),
                Arguments.of("chicago2016", 1609.344, 360.0, 325L + 9 * 25 + 8 * 25),
                Arguments.of("chicago2016", 0.0, 3600.0, 325L + 2000));
    }

    @ParameterizedTest(name = "{0}: {1} m, {2} s slow -> {3} cents")
    @MethodSource("meterTable")
    void metersWholeIncrementsOnlyInIntegerCents(String tariff, double metres, double slowSeconds, long cents) {
        Tariff t =
                switch (tariff) {
                    case "nyc" -> Fixtures.nyc2012();
                    case "chicago2012" -> Fixtures.chicago2012();
                    default -> Fixtures.chicago2016();
                };

        assertThat(t.meterCents(metres, slowSeconds)).isEqualTo(cents);
    }

    @ParameterizedTest(name = "{0} -> {1} cents")
    @CsvSource({
        "2013-01-07T15:59, 50", // Monday afternoon: MTA surcharge only
        "2013-01-07T16:00, 150", // weekday peak starts (inclusive)
        "2013-01-07T19:59, 150",
        "2013-01-07T20:00, 100", // peak ends (exclusive), night starts
        "2013-01-08T05:59, 100", // night wraps past midnight
        "2013-01-08T06:00, 50", // night ends (exclusive)
        "2013-01-12T17:00, 50", // Saturday: no peak surcharge
        "2013-01-11T23:30, 100" // Friday night
    })
    void addsNycSurchargesByLocalClock(String localPickup, long cents) {
        assertThat(Fixtures.nyc2012().surchargesCents(LocalDateTime.parse(localPickup)))
                .isEqualTo(cents);
    }

    @ParameterizedTest(name = "{0} passengers -> {1} cents")
    @CsvSource({"1, 0", "2, 100", "3, 150", "4, 200"})
    void chargesChicagoExtraPassengers(int passengers, long cents) {
        assertThat(Fixtures.chicago2012().extraPassengerCents(passengers)).isEqualTo(cents);
    }

    @Test
    void crossesOverAtTwelveMphInNyc() {
        assertThat(Fixtures.nyc2012().crossoverSpeedMps()).isCloseTo(12 * 0.44704, within(1e-9));
    }

    @Test
    void rejectsNegativeDistance() {
        assertThatThrownBy(() -> Fixtures.nyc2012().meterCents(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chargedDistanceMetres must be >= 0 and finite, but was -1.0");
    }

    @Test
    void rejectsNonPositiveTimeIncrementNamingIt() {
        assertThatThrownBy(() -> new Tariff("x", null, 1, 1, 1, 0, 1, java.util.List.of(), 0, 0, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeIncrementSeconds must be > 0, but was 0");
    }
}
