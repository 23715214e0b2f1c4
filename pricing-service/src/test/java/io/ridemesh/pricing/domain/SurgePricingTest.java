package io.ridemesh.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurgePricingTest {

    static final String CELL = "882a100d25fffff";
    final SurgePolicy policy = Fixtures.surgePolicy();

    @ParameterizedTest(name = "{0} requests, {1} drivers -> {2}")
    @CsvSource({
        "1, 0, 1.0", // pressure 1: balanced
        "0, 5, 1.0", // no demand never goes below 1
        "3, 5, 1.0", // fewer requests than drivers
        "4, 1, 1.5", // pressure 2 -> 1 + 0.5 x 1
        "10, 3, 1.75", // pressure 2.5
        "100, 0, 3.0", // capped
        "1000000, 0, 3.0"
    })
    void keepsRawMultiplierBetweenOneAndCap(long requests, long drivers, double expected) {
        assertThat(SurgePricing.rawMultiplier(requests, drivers, policy)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void movesEwmaByOneMinusExpOfElapsedOverTau() {
        // After one time constant the average has covered 1 - 1/e of the gap.
        assertThat(SurgePricing.ewma(1.0, 2.0, 120, 120)).isCloseTo(1.0 + (1 - Math.exp(-1)), within(1e-12));
        assertThat(SurgePricing.ewma(1.0, 2.0, 0, 120)).isEqualTo(1.0);
        assertThat(SurgePricing.ewma(1.0, 2.0, 1e9, 120)).isCloseTo(2.0, within(1e-12));
    }

    @ParameterizedTest(name = "published {0}, smoothed {1} -> {2}")
    @CsvSource({
        "1000, 1.14, 1000", // inside the 0.15 dead band: unchanged
        "1000, 1.15, 1200", // at the band edge: moves, rounded to the 0.1 step (1.15 -> 1.2, half-up)
        "1500, 1.40, 1500", // small drop: unchanged
        "1500, 1.35, 1400", // drop of 0.15: moves
        "1200, 1.06, 1200", // drifting down stays within band
        "1200, 0.99, 1000", // never below 1
        "2900, 3.9, 3000" // never above cap
    })
    void publishesOnlyChangesBeyondTheDeadBand(long published, double smoothed, long expected) {
        assertThat(SurgePricing.hysteresis(published, smoothed, policy)).isEqualTo(expected);
    }

    @Test
    void doesNotFlapWhenDemandJittersAroundAStepBoundary() {
        FakeSupply supply = new FakeSupply(new SupplyReading.Available(4));
        SettableDemand demand = new SettableDemand();
        SurgePricing surge = new SurgePricing(policy, supply, demand);
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        // Sustained pressure 2.5 (raw 1.75) until the multiplier settles.
        demand.next = 12;
        long settled = 0;
        for (int i = 0; i < 60; i++) {
            t = t.plusSeconds(10);
            settled = surge.quoteRequested("nyc", CELL, "rider-1", t).multiplierMilli();
        }
        // Raw 1.7; the dead band may hold the published value one step below.
        assertThat(settled).isBetween(1600L, 1700L);

        // Demand jitters 11..14 (raw 1.6..1.9): the published multiplier must not change.
        List<Long> published = new ArrayList<>();
        long[] jitter = {11, 14, 12, 13, 11, 14, 12, 13, 11, 14};
        for (long d : jitter) {
            t = t.plusSeconds(10);
            demand.next = d;
            published.add(surge.quoteRequested("nyc", CELL, "rider-1", t).multiplierMilli());
        }
        assertThat(published).containsOnly(settled);
    }

    @Test
    void risesGraduallyNotInOneQuote() {
        SurgePricing surge =
                new SurgePricing(policy, new FakeSupply(new SupplyReading.Available(0)), new SettableDemand(50));
        Instant t = Instant.parse("2026-01-01T12:00:00Z");

        Surge first = surge.quoteRequested("nyc", CELL, "rider-1", t);
        Surge afterTenSeconds = surge.quoteRequested("nyc", CELL, "rider-1", t.plusSeconds(10));
        Surge afterTenMinutes = surge.quoteRequested("nyc", CELL, "rider-1", t.plus(Duration.ofMinutes(10)));

        assertThat(first.multiplierMilli()).isEqualTo(1000);
        assertThat(afterTenSeconds.multiplierMilli()).isEqualTo(1200); // 1 + 2 x (1 - e^(-1/12)) = 1.16 -> 1.2
        assertThat(afterTenMinutes.multiplierMilli()).isEqualTo(3000);
    }

    @Test
    void fallsBackToOneWhenSupplyIsUnavailableAndKeepsState() {
        FakeSupply supply = new FakeSupply(new SupplyReading.Available(0));
        SurgePricing surge = new SurgePricing(policy, supply, new SettableDemand(50));
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        surge.quoteRequested("nyc", CELL, "rider-1", t);
        assertThat(surge.quoteRequested("nyc", CELL, "rider-1", t.plus(Duration.ofMinutes(10)))
                        .multiplierMilli())
                .isEqualTo(3000);

        supply.reading = new SupplyReading.Unavailable("connection refused");
        Surge down = surge.quoteRequested("nyc", CELL, "rider-1", t.plus(Duration.ofMinutes(11)));

        assertThat(down.multiplierMilli()).isEqualTo(1000);
        assertThat(down.fallback()).isTrue();
        assertThat(down.supply()).isEqualTo(-1);
        assertThat(down.demand()).isEqualTo(50);

        supply.reading = new SupplyReading.Available(0);
        assertThat(surge.quoteRequested("nyc", CELL, "rider-1", t.plus(Duration.ofMinutes(12)))
                        .multiplierMilli())
                .isEqualTo(3000);
    }

    @Test
    void keepsCellsApart() {
        Map<String, SupplyReading> byCell = new HashMap<>();
        byCell.put("a", new SupplyReading.Available(0));
        byCell.put("b", new SupplyReading.Available(100));
        SurgePricing surge = new SurgePricing(policy, (unit, cell) -> byCell.get(cell), new SettableDemand(50));
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        surge.quoteRequested("nyc", "a", "rider-1", t);
        surge.quoteRequested("nyc", "b", "rider-1", t);

        assertThat(surge.quoteRequested("nyc", "a", "rider-1", t.plus(Duration.ofMinutes(10)))
                        .multiplierMilli())
                .isEqualTo(3000);
        assertThat(surge.quoteRequested("nyc", "b", "rider-1", t.plus(Duration.ofMinutes(10)))
                        .multiplierMilli())
                .isEqualTo(1000);
    }

    @Test
    void forgetsIdleCells() {
        SurgePricing surge =
                new SurgePricing(policy, new FakeSupply(new SupplyReading.Available(1)), new SettableDemand(1));
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        surge.quoteRequested("nyc", CELL, "rider-1", t);

        surge.evictIdle(t.plus(Duration.ofMinutes(31)));

        assertThat(surge.trackedCells()).isZero();
    }

    static final class FakeSupply implements SupplyCounts {
        SupplyReading reading;

        FakeSupply(SupplyReading reading) {
            this.reading = reading;
        }

        @Override
        public SupplyReading availableDrivers(String unitCode, String cell) {
            return reading;
        }
    }

    static final class SettableDemand implements DemandWindow {
        long next;

        SettableDemand() {}

        SettableDemand(long next) {
            this.next = next;
        }

        @Override
        public long record(String cell, String riderId, Instant at) {
            return next;
        }
    }
}
