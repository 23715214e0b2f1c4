package io.ridemesh.pricing.domain;

import io.ridemesh.common.unit.UnitMap;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Object mother for pricing tests: the real 2013 rate cards typed in by hand, independent of the JSON files. */
public final class Fixtures {

    public static final double FIFTH_MILE = 1609.344 / 5;
    public static final double NINTH_MILE = 1609.344 / 9;

    private Fixtures() {}

    public static Tariff nyc2012() {
        return new Tariff(
                "nyc",
                LocalDate.of(2012, 9, 4),
                250,
                FIFTH_MILE,
                50,
                60,
                50,
                List.of(
                        new Surcharge.Daily(
                                "night", 50, LocalTime.of(20, 0), LocalTime.of(6, 0), EnumSet.allOf(DayOfWeek.class)),
                        new Surcharge.Daily(
                                "weekday peak",
                                100,
                                LocalTime.of(16, 0),
                                LocalTime.of(20, 0),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                        new Surcharge.Always("MTA state surcharge", 50)),
                0,
                0,
                "test");
    }

    public static Tariff chicago2012() {
        return new Tariff("chicago 2012", null, 325, NINTH_MILE, 20, 36, 20, List.of(), 100, 50, "test");
    }

    public static Tariff chicago2016() {
        return new Tariff(
                "chicago 2016", LocalDate.of(2016, 1, 1), 325, NINTH_MILE, 25, 45, 25, List.of(), 100, 50, "test");
    }

    public static ServiceUnit nyc() {
        return new ServiceUnit(UnitMap.standard().byCode("nyc").orElseThrow(), List.of(nyc2012()));
    }

    public static ServiceUnit chicago() {
        return new ServiceUnit(
                UnitMap.standard().byCode("chicago").orElseThrow(), List.of(chicago2016(), chicago2012()));
    }

    /** Road distance 1.25 x straight line, no floor; 8 m/s at every hour; cruise 10 m/s; no cell factors. */
    public static CityCalibration simpleCalibration(String unit) {
        return new CityCalibration(
                unit, 1000, 1.25, 0, 1.0, java.util.Collections.nCopies(24, Math.log(1 / 8.0)), 7, Map.of(), 10.0);
    }

    public static SurgePolicy surgePolicy() {
        return new SurgePolicy(
                8, Duration.ofMinutes(5), 1.0, 0.5, 3000, Duration.ofMinutes(2), 150, 100, Duration.ofMinutes(30));
    }
}
