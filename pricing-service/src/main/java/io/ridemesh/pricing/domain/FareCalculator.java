package io.ridemesh.pricing.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Prices an estimated trip under a tariff. Immutable; thread-safe.
 *
 * <p>Order and rounding, all in integer cents: (1) metered = {@link Tariff#meterCents} of the estimate's distance
 * and slow time; (2) surged = {@code (metered * surgeMilli + 500) / 1000}, i.e. half-up to the cent; (3) POOL:
 * {@code (surged * poolSeatPercent * seats + 50) / 100}, half-up; (4) plus the surcharges in force at the local
 * pickup time and, for SOLO, the extra-passenger charges — both fixed by regulation, so never surged or discounted.
 */
public final class FareCalculator {

    private final ProductRules rules;

    public FareCalculator(ProductRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The fare for {@code estimate}.
     *
     * @param localPickup pickup time on the unit's wall clock
     * @param surgeMilli surge multiplier times 1000, {@code >= 1000}
     * @throws IllegalArgumentException if seats are below 1 or surge below 1000
     */
    public FareBreakdown price(
            Tariff tariff,
            TripEstimate estimate,
            Product product,
            int seats,
            LocalDateTime localPickup,
            long surgeMilli) {
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
        if (surgeMilli < 1000) {
            throw new IllegalArgumentException("surgeMilli must be >= 1000, but was " + surgeMilli);
        }
        long metered = meteredCents(tariff, estimate);
        long surged = Math.addExact(Math.multiplyExact(metered, surgeMilli), 500) / 1000;
        long extra = 0;
        if (product == Product.POOL) {
            surged = Math.addExact(Math.multiplyExact(surged, (long) rules.poolSeatPercent() * seats), 50) / 100;
        } else {
            extra = tariff.extraPassengerCents(seats);
        }
        long surcharges = tariff.surchargesCents(localPickup);
        return new FareBreakdown(metered, surged, surcharges, extra, surged + surcharges + extra);
    }

    /** The metered fare alone (no surge, SOLO, one rider): what the real meter showed, for accuracy reports. */
    public static long meteredCents(Tariff tariff, TripEstimate estimate) {
        // Two-fluid split: the cab is stopped while slow, so the whole distance is charged at the distance rate and
        // the slow time at the time rate.
        return tariff.meterCents(estimate.distanceMetres(), estimate.slowSeconds());
    }
}
