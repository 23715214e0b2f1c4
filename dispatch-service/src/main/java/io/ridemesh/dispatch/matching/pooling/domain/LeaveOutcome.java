package io.ridemesh.dispatch.matching.pooling.domain;

/** What a rider leaving a shared trip (completed, cancelled, or given back by the driver) did. */
public enum LeaveOutcome {
    /** The driver has no active shared trip: the caller ends the driver's (unshared) trip as before pooling. */
    NOT_POOLED,
    /** Other riders remain, or the driver holds an open offer to join one: the driver stays on the trip. */
    STILL_ACTIVE,
    /** That was the last rider: the trip ended, and the driver is available again (indexed if fresh). */
    TRIP_ENDED
}
