package io.ridemesh.dispatch.matching.domain;

/** What registering a ride request did. */
public enum RegisterOutcome {
    /** Queued for the next window. */
    REGISTERED,
    /** The event was consumed before (at-least-once delivery): ignored. */
    DUPLICATE_EVENT,
    /** The ride is already being (or was) dispatched: ignored. */
    KNOWN_RIDE,
    /** The event is older than the replay horizon: ignored, the ride was surely handled or expired. */
    TOO_OLD,
    /** The ride's unit is not dispatched here: ignored. */
    UNKNOWN_UNIT
}
