package io.ridemesh.pricing.domain;

import java.time.Instant;

/** Port: quote requests per H3 cell over a sliding window. Implementations are thread-safe. */
public interface DemandWindow {

    /**
     * Records one quote request in {@code cell} at {@code at} and answers how many the window now holds for the cell,
     * this one included.
     */
    long record(String cell, Instant at);
}
