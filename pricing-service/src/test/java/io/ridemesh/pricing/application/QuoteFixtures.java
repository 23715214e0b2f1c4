package io.ridemesh.pricing.application;

import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.pricing.domain.DemandWindow;
import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ProductRules;
import io.ridemesh.pricing.domain.SupplyCounts;
import io.ridemesh.pricing.domain.SupplyReading;
import io.ridemesh.pricing.domain.SurgePolicy;
import io.ridemesh.pricing.domain.SurgePricing;
import io.ridemesh.pricing.domain.TripEstimator;
import io.ridemesh.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds {@link IssueQuote} on the committed model files with in-memory ports, for tests. */
public final class QuoteFixtures {

    public static final byte[] KEY = "test-key-test-key-test-key-test-".getBytes(StandardCharsets.US_ASCII);
    public static final Duration TTL = Duration.ofMinutes(2);
    public static final H3CellIndex CELLS = H3CellIndex.load();
    public static final PricingModel MODEL = PricingModelLoader.fromClasspath();

    private QuoteFixtures() {}

    public static SurgePolicy policy() {
        return new SurgePolicy(
                8, Duration.ofMinutes(5), 1.0, 0.5, 3000, Duration.ofMinutes(2), 150, 100, Duration.ofMinutes(30));
    }

    public static IssueQuote issueQuote(InMemoryQuotes quotes, MutableClock clock, SupplyCounts supply) {
        AtomicInteger ids = new AtomicInteger();
        DemandWindow demand = (cell, rider, at) -> 1;
        return new IssueQuote(
                MODEL,
                new TripEstimator(MODEL.calibrations(), CELLS),
                new ProductRules(4, 2, 70),
                new SurgePricing(policy(), supply, demand),
                CELLS,
                new QuoteSigner(KEY),
                quotes,
                clock,
                TTL,
                () -> "q_test" + ids.incrementAndGet());
    }

    public static SupplyCounts plentifulSupply() {
        return (unit, cell) -> new SupplyReading.Available(10);
    }

    /** Monday 2 March 2026, 13:00 in New York (EST, UTC-5). */
    public static MutableClock mondayAfternoon() {
        return new MutableClock(Instant.parse("2026-03-02T18:00:00Z"));
    }
}
