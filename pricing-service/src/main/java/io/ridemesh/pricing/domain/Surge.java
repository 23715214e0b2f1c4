package io.ridemesh.pricing.domain;

import java.util.Objects;

/**
 * The surge applied to one quote. Immutable; thread-safe.
 *
 * @param multiplierMilli multiplier times 1000, within [1000, cap]
 * @param cell the H3 cell it was computed for
 * @param demand quote requests in the window, this one included
 * @param supply available drivers, or {@code -1} when unknown
 * @param fallback true when supply could not be read and the multiplier fell back to 1.0
 */
public record Surge(long multiplierMilli, String cell, long demand, long supply, boolean fallback) {

    public Surge {
        Objects.requireNonNull(cell, "cell");
        if (multiplierMilli < 1000) {
            throw new IllegalArgumentException("multiplierMilli must be >= 1000, but was " + multiplierMilli);
        }
    }

    /** The multiplier as a decimal, e.g. 1.2. */
    public double multiplier() {
        return multiplierMilli / 1000.0;
    }
}
