package io.ridemesh.order.ride.domain;

import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The final fare of a completed ride. Upfront pricing: the rider pays the quoted fare, unless the trip deviated a lot
 * from what was quoted. Immutable; thread-safe.
 *
 * <p>Let {@code r} be the larger of {@code actual / quoted distance} and {@code actual / quoted duration} (a dimension
 * quoted as 0 is left out; if both are, the quoted fare stands). If {@code r} is within
 * {@code [1 - threshold, 1 + threshold]} the rider pays the quoted fare. Otherwise the fare is re-priced pro rata:
 * {@code quoted fare * r}, rounded half up to the cent and capped at {@code quoted fare * maxFactor}. So a trip 40%
 * longer than quoted costs 40% more; one that ended after a third of the distance and time costs a third.
 *
 * @param thresholdPercent tolerated deviation in percent, 0..100
 * @param maxFactorPercent most the final fare may be, in percent of the quoted fare, {@code >= 100}
 * @throws IllegalArgumentException if a value is out of range
 */
public record RepricingPolicy(int thresholdPercent, int maxFactorPercent) {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    public RepricingPolicy {
        if (thresholdPercent < 0 || thresholdPercent > 100) {
            throw new IllegalArgumentException("thresholdPercent must be in 0..100, but was " + thresholdPercent);
        }
        if (maxFactorPercent < 100) {
            throw new IllegalArgumentException("maxFactorPercent must be >= 100, but was " + maxFactorPercent);
        }
    }

    /**
     * The fare a trip costs.
     *
     * @param quote what was quoted (fare, distance, duration)
     * @param actuals what was measured
     * @return the final fare and whether it was re-priced
     */
    public FinalFare finalFare(Quote quote, TripActuals actuals) {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(actuals, "actuals");
        // r = numerator / denominator, kept exact as a fraction of BigIntegers.
        @Nullable BigInteger numerator = null;
        BigInteger denominator = BigInteger.ONE;
        long[][] dimensions = {
            {actuals.distanceMetres(), quote.distanceMetres()}, {actuals.durationSeconds(), quote.durationSeconds()}
        };
        for (long[] dimension : dimensions) {
            if (dimension[1] == 0) {
                continue;
            }
            BigInteger actual = BigInteger.valueOf(dimension[0]);
            BigInteger quoted = BigInteger.valueOf(dimension[1]);
            if (numerator == null || actual.multiply(denominator).compareTo(numerator.multiply(quoted)) > 0) {
                numerator = actual;
                denominator = quoted;
            }
        }
        if (numerator == null) {
            return new FinalFare(quote.fareCents(), false);
        }
        // 100 * r compared with 100 +- threshold, all multiplied by the denominator.
        BigInteger hundredR = numerator.multiply(HUNDRED);
        BigInteger upper = denominator.multiply(BigInteger.valueOf(100L + thresholdPercent));
        BigInteger lower = denominator.multiply(BigInteger.valueOf(100L - thresholdPercent));
        if (hundredR.compareTo(upper) <= 0 && hundredR.compareTo(lower) >= 0) {
            return new FinalFare(quote.fareCents(), false);
        }
        BigInteger fare = BigInteger.valueOf(quote.fareCents());
        BigInteger cap = BigInteger.valueOf(maxFactorPercent).multiply(denominator);
        if (hundredR.compareTo(cap) > 0) {
            numerator = BigInteger.valueOf(maxFactorPercent);
            denominator = HUNDRED;
        }
        // round half up: (2 * fare * num + den) / (2 * den)
        BigInteger two = BigInteger.TWO;
        BigInteger cents =
                fare.multiply(numerator).multiply(two).add(denominator).divide(denominator.multiply(two));
        return new FinalFare(cents.longValueExact(), true);
    }

    /**
     * A final fare.
     *
     * @param fareCents what the rider pays, minor units of the quote's currency, {@code >= 0}
     * @param repriced whether it differs from the quote because the trip deviated
     */
    public record FinalFare(long fareCents, boolean repriced) {

        public FinalFare {
            if (fareCents < 0) {
                throw new IllegalArgumentException("fareCents must be >= 0, but was " + fareCents);
            }
        }
    }
}
