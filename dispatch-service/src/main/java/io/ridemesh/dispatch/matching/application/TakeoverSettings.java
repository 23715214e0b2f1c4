package io.ridemesh.dispatch.matching.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link FollowUnitHomes}. Immutable.
 *
 * @param sweepInterval how often the waiting rides of every unit homed here are checked against the dispatch queues
 *     (besides at once when a unit becomes homed here)
 * @param grace rides requested less than this long ago are left to the {@code RideRequested} event path
 * @param maxAge rides requested longer ago than this are not taken over (equal to the event path's replay horizon)
 * @param maxRides at most this many rides are taken over per unit and check
 * @param requestTtl how long a taken-over ride's request is kept in Redis
 */
public record TakeoverSettings(
        Duration sweepInterval, Duration grace, Duration maxAge, int maxRides, Duration requestTtl) {

    public TakeoverSettings {
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(requestTtl, "requestTtl");
        if (maxRides < 1) {
            throw new IllegalArgumentException("maxRides must be >= 1, but was " + maxRides);
        }
    }
}
