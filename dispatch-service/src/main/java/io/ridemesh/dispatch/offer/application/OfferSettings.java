package io.ridemesh.dispatch.offer.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the offer use cases. Immutable; thread-safe.
 *
 * @param acceptWindow how long an acceptance may take end to end (the order-service call with its retries); an offer
 *     stuck in ACCEPTING longer is swept as expired
 * @param staleAfter a freed driver whose last fix is older does not re-enter the available index
 */
public record OfferSettings(Duration acceptWindow, Duration staleAfter) {

    public OfferSettings {
        Objects.requireNonNull(acceptWindow, "acceptWindow");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (acceptWindow.toMillis() < 1) {
            throw new IllegalArgumentException("acceptWindow must be >= 1ms, but was " + acceptWindow);
        }
    }
}
