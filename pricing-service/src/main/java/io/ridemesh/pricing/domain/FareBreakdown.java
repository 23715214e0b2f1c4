package io.ridemesh.pricing.domain;

/**
 * How a quoted fare is made up, all in integer cents. Immutable; thread-safe.
 *
 * @param meteredCents the tariff's meter for the estimated trip, no surge (what a real meter would show)
 * @param surgedCents the metered fare times surge, then POOL's seat share where it applies
 * @param surchargesCents time-of-day surcharges and taxes, neither surged nor discounted
 * @param extraPassengerCents SOLO extra-passenger charges
 * @param totalCents what the rider pays: {@code surgedCents + surchargesCents + extraPassengerCents}
 */
public record FareBreakdown(
        long meteredCents, long surgedCents, long surchargesCents, long extraPassengerCents, long totalCents) {

    public FareBreakdown {
        if (meteredCents < 0 || surgedCents < 0 || surchargesCents < 0 || extraPassengerCents < 0) {
            throw new IllegalArgumentException("fare parts must be >= 0, but were " + meteredCents + ", " + surgedCents
                    + ", " + surchargesCents + ", " + extraPassengerCents);
        }
        if (totalCents != surgedCents + surchargesCents + extraPassengerCents) {
            throw new IllegalArgumentException("totalCents must be the sum of its parts "
                    + (surgedCents + surchargesCents + extraPassengerCents) + ", but was " + totalCents);
        }
    }
}
