package io.ridemesh.dispatch.supply.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the supply use cases (bound from {@code dispatch.supply.*}). Immutable; thread-safe.
 *
 * @param h3Resolution H3 resolution of the per-cell counts; must equal pricing-service's surge resolution (8)
 * @param staleAfter a driver without a fix for this long is left out of matching and swept from the index
 * @param stateTtl a driver's state hash expires this long after its last write; {@code >= staleAfter}
 * @param maxClockSkew a fix may be stamped at most this far in the future of the server clock
 * @param maxBatchPoints most fixes in one batch upload
 */
public record SupplySettings(
        int h3Resolution, Duration staleAfter, Duration stateTtl, Duration maxClockSkew, int maxBatchPoints) {

    public SupplySettings {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(stateTtl, "stateTtl");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (h3Resolution < 0 || h3Resolution > 15) {
            throw new IllegalArgumentException("h3Resolution must be in 0..15, but was " + h3Resolution);
        }
        if (staleAfter.toMillis() < 1) {
            throw new IllegalArgumentException("staleAfter must be >= 1ms, but was " + staleAfter);
        }
        if (stateTtl.compareTo(staleAfter) < 0) {
            throw new IllegalArgumentException(
                    "stateTtl must be >= staleAfter " + staleAfter + ", but was " + stateTtl);
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must be >= 0, but was " + maxClockSkew);
        }
        if (maxBatchPoints < 1) {
            throw new IllegalArgumentException("maxBatchPoints must be >= 1, but was " + maxBatchPoints);
        }
    }
}
