package io.ridemesh.dispatch.matching.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the matching use cases (bound from {@code dispatch.matching.*}, {@code dispatch.offers.*} and
 * {@code dispatch.supply.stale-after}). Immutable; thread-safe.
 *
 * @param searchRadiusMetres GEOSEARCH radius around a pickup, metres
 * @param candidatesPerRide nearest drivers considered per ride
 * @param maxRidesPerWindow oldest rides of a unit taken into one window
 * @param maxWindows windows without a feasible driver after which order-service is told there is none
 * @param offerTimeout how long a driver has to answer an offer (also the driver lock's PX)
 * @param staleAfter drivers without a fix for this long are not offered rides
 * @param requestTtl how long a ride request is kept in Redis
 * @param eventTtl how long a consumed event id is remembered
 * @param maxEventAge older RideRequested events are ignored (a consumer that replays history must not re-dispatch)
 */
public record MatchingSettings(
        int searchRadiusMetres,
        int candidatesPerRide,
        int maxRidesPerWindow,
        int maxWindows,
        Duration offerTimeout,
        Duration staleAfter,
        Duration requestTtl,
        Duration eventTtl,
        Duration maxEventAge) {

    public MatchingSettings {
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(requestTtl, "requestTtl");
        Objects.requireNonNull(eventTtl, "eventTtl");
        Objects.requireNonNull(maxEventAge, "maxEventAge");
        requirePositive("searchRadiusMetres", searchRadiusMetres);
        requirePositive("candidatesPerRide", candidatesPerRide);
        requirePositive("maxRidesPerWindow", maxRidesPerWindow);
        requirePositive("maxWindows", maxWindows);
        if (offerTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("offerTimeout must be >= 1ms, but was " + offerTimeout);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be > 0, but was " + value);
        }
    }
}
