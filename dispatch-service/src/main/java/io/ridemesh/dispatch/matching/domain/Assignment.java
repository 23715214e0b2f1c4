package io.ridemesh.dispatch.matching.domain;

import java.util.Objects;

/**
 * One ride paired with one driver. Immutable; thread-safe.
 *
 * @param request the ride
 * @param driver the driver to offer it to
 * @param pickupEtaSeconds the cost: estimated time for the driver to reach the pickup, seconds
 */
public record Assignment(RideRequest request, DriverCandidate driver, long pickupEtaSeconds) {

    public Assignment {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(driver, "driver");
        if (pickupEtaSeconds < 0) {
            throw new IllegalArgumentException("pickupEtaSeconds must be >= 0, but was " + pickupEtaSeconds);
        }
    }
}
