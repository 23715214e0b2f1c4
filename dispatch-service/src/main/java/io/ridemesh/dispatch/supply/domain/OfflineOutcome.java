package io.ridemesh.dispatch.supply.domain;

/** What going offline did. */
public enum OfflineOutcome {
    /** Was available (or already offline): now offline, out of the index and the cell counts. */
    WENT_OFFLINE,
    /** Holds an offer: nothing changed; the offer must be declined first. */
    HOLDS_OFFER,
    /** Is on a trip: nothing changed. */
    ON_TRIP,
    /** No state (never online, or expired): nothing to do. */
    UNKNOWN
}
