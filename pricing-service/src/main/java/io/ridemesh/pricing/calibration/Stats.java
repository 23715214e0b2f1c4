package io.ridemesh.pricing.calibration;

import java.util.Arrays;

/** Order statistics used by the fits and the accuracy report. Stateless; thread-safe. */
public final class Stats {

    private Stats() {}

    /**
     * The median of the first {@code n} values (mean of the two middle ones when {@code n} is even); NaN when
     * {@code n == 0}. Does not modify {@code values}.
     */
    public static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2.0;
    }

    /** The median of all values. */
    public static double median(double[] values) {
        return median(values, values.length);
    }

    /** {@code |estimate - actual| / actual}; {@code actual} must be positive. */
    public static double absolutePercentageError(double estimate, double actual) {
        return Math.abs(estimate - actual) / actual;
    }
}
