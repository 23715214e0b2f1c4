package io.ridemesh.pricing.domain;

import java.time.Instant;

/**
 * Port: demand per H3 cell over a sliding window, counted in riders: a rider's requests in a cell count once until
 * the window has passed since the one that counted, so a rider who asks again and again (or a script holding one
 * rider's token) weighs as one rider. Implementations are thread-safe.
 */
public interface DemandWindow {

    /**
     * Records a quote request of {@code riderId} in {@code cell} at {@code at} and answers how many requests the window
     * now counts for the cell, this one included if it counted.
     */
    long record(String cell, String riderId, Instant at);
}
