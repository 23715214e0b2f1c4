package io.ridemesh.gateway.routing.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where a request goes. Immutable; thread-safe.
 *
 * @param unitId the request's unit, null for requests routed to the local region without a unit
 * @param regionId the region that serves it: the unit's home, or the local region
 */
public record RouteDecision(@Nullable Integer unitId, int regionId) {

    public RouteDecision {
        if (regionId < 0) {
            throw new IllegalArgumentException("regionId must be >= 0, but was " + regionId);
        }
    }
}
