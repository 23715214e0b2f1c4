package io.ridemesh.dispatch.matching.domain;

/** What counting a window without a driver did. */
public enum MissOutcome {
    /** Still queued. */
    WAITING,
    /** The ride reached the window limit and left the queue: this caller, and no other, reports no driver. */
    GIVE_UP,
    /** The ride is no longer queued (offered, withdrawn or expired meanwhile). */
    GONE
}
