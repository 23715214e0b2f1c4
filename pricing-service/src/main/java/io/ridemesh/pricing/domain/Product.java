package io.ridemesh.pricing.domain;

/** What the rider books. */
public enum Product {
    /** A whole cab: the metered fare, plus the tariff's extra-passenger charges for each seat beyond one. */
    SOLO,
    /** A shared ride: each seat pays a share of the metered fare ({@link ProductRules#poolSeatPercent()}). */
    POOL
}
