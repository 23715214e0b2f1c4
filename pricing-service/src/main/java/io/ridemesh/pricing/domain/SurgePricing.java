package io.ridemesh.pricing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Surge multiplier per H3 cell from demand (quote requests in a sliding window) and supply (available drivers).
 *
 * <p><b>Formula</b>, each step a pure static method here:
 *
 * <ol>
 *   <li>pressure {@code ρ = demand / (supply + 1)}: requests per available driver; the {@code + 1} (additive, or
 *       Laplace, smoothing) keeps a cell with no driver and one request from jumping to the cap;
 *   <li>raw multiplier {@code m = clamp(1 + sensitivity * max(0, ρ - balancedRequestsPerDriver), 1, cap)}: a linear
 *       excess-demand rule. Surge as a price that rises with the demand/supply imbalance of a small area and is
 *       capped follows Uber's published description and its analyses: J. Hall, C. Kendrick and C. Nosko, "The Effects
 *       of Uber's Surge Pricing: A Case Study" (2015); M. K. Chen and M. Sheldon, "Dynamic Pricing in a Labor Market:
 *       Surge Pricing and Flexible Work on the Uber Platform", EC 2016; J. C. Castillo, D. Knoepfle and E. G. Weyl,
 *       "Surge Pricing Solves the Wild Goose Chase", EC 2017. The linear shape and its parameters are this project's
 *       choice, set in configuration;
 *   <li>exponentially weighted moving average over time (S. Roberts, "Control Chart Tests Based on Geometric Moving
 *       Averages", Technometrics 1 (1959); for irregular sampling the weight is {@code α = 1 - exp(-Δt / τ)}, the
 *       exact discretisation of a first-order low-pass filter): {@code s ← s + α (m - s)}, starting at 1.0;
 *   <li>hysteresis (a dead band, as in a Schmitt trigger): the published multiplier moves to {@code s} rounded to the
 *       nearest {@code step} only when {@code |s - published| >= deadband}, so noise around a step boundary does not
 *       make the price flap between quotes.
 * </ol>
 *
 * <p>When supply cannot be read the multiplier falls back to 1.0 ({@link Surge#fallback()}), the cell's state is
 * left as it was, and demand is still recorded. State lives per instance in memory and is forgotten after
 * {@link SurgePolicy#idleStateTtl()} without quotes.
 *
 * <p>Thread-safe: per-cell state is replaced atomically with {@link ConcurrentHashMap#compute}.
 */
public final class SurgePricing {

    private static final int EVICTION_PERIOD = 1024;

    private final SurgePolicy policy;
    private final SupplyCounts supply;
    private final DemandWindow demand;
    private final ConcurrentHashMap<String, CellState> states = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public SurgePricing(SurgePolicy policy, SupplyCounts supply, DemandWindow demand) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.supply = Objects.requireNonNull(supply, "supply");
        this.demand = Objects.requireNonNull(demand, "demand");
    }

    /** The policy in force. */
    public SurgePolicy policy() {
        return policy;
    }

    /**
     * Records a quote request of {@code riderId} in {@code cell} at {@code now} and answers the multiplier to charge.
     * A rider's repeated requests in one cell count once per demand window ({@link DemandWindow}), so asking again and
     * again cannot raise the multiplier.
     *
     * @param unitCode unit the cell belongs to (selects the supply hash)
     * @param cell H3 address at {@link SurgePolicy#h3Resolution()}
     * @param riderId who asks (the subject of the rider's token)
     */
    public Surge quoteRequested(String unitCode, String cell, String riderId, Instant now) {
        if (calls.incrementAndGet() % EVICTION_PERIOD == 0) {
            evictIdle(now);
        }
        long requests = demand.record(cell, riderId, now);
        SupplyReading reading = supply.availableDrivers(unitCode, cell);
        if (!(reading instanceof SupplyReading.Available available)) {
            return new Surge(1000, cell, requests, -1, true);
        }
        double raw = rawMultiplier(requests, available.drivers(), policy);
        CellState next = states.compute(cell, (k, prev) -> {
            CellState base = prev == null ? CellState.NEUTRAL.at(now) : prev;
            double dt = Math.max(0, Duration.between(base.updatedAt(), now).toNanos()) / 1e9;
            double smoothed = ewma(base.smoothed(), raw, dt, policy.smoothing().toNanos() / 1e9);
            long published = hysteresis(base.publishedMilli(), smoothed, policy);
            Instant latest = now.isAfter(base.updatedAt()) ? now : base.updatedAt();
            return new CellState(smoothed, published, latest);
        });
        return new Surge(next.publishedMilli(), cell, requests, available.drivers(), false);
    }

    /**
     * Step 1 and 2 of the formula: the unsmoothed multiplier for {@code requests} quote requests and {@code drivers}
     * available drivers.
     */
    public static double rawMultiplier(long requests, long drivers, SurgePolicy policy) {
        double pressure = (double) requests / (drivers + 1.0);
        double m = 1.0 + policy.sensitivity() * Math.max(0.0, pressure - policy.balancedRequestsPerDriver());
        return Math.min(m, policy.capMilli() / 1000.0);
    }

    /** Step 3: the EWMA of {@code previous} towards {@code sample} after {@code dtSeconds} with time constant tau. */
    public static double ewma(double previous, double sample, double dtSeconds, double tauSeconds) {
        double alpha = 1.0 - Math.exp(-dtSeconds / tauSeconds);
        return previous + alpha * (sample - previous);
    }

    /**
     * Step 4: the multiplier to publish (times 1000) given the one published so far and the smoothed value: unchanged
     * inside the dead band, else the smoothed value rounded to the nearest step within [1000, cap].
     */
    public static long hysteresis(long publishedMilli, double smoothed, SurgePolicy policy) {
        double smoothedMilli = smoothed * 1000.0;
        if (Math.abs(smoothedMilli - publishedMilli) < policy.deadbandMilli()) {
            return publishedMilli;
        }
        long stepped = Math.round(smoothedMilli / policy.stepMilli()) * policy.stepMilli();
        return Math.max(1000, Math.min(policy.capMilli(), stepped));
    }

    /** Forgets cells with no quote since {@code now - idleStateTtl}. */
    public void evictIdle(Instant now) {
        Instant cutoff = now.minus(policy.idleStateTtl());
        states.entrySet().removeIf(e -> e.getValue().updatedAt().isBefore(cutoff));
    }

    /** Cells with state, for metrics. */
    public int trackedCells() {
        return states.size();
    }

    private record CellState(double smoothed, long publishedMilli, Instant updatedAt) {
        static final CellState NEUTRAL = new CellState(1.0, 1000, Instant.EPOCH);

        CellState at(Instant t) {
            return new CellState(smoothed, publishedMilli, t);
        }
    }
}
