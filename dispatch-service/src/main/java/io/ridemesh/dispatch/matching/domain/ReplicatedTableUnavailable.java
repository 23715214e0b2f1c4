package io.ridemesh.dispatch.matching.domain;

/**
 * A replicated table that dispatch reads ({@code routing.unit_home}, {@code rides.rides}) could not be read: database
 * down, table or grant missing. Unchecked; the caller retries on its next tick.
 */
public final class ReplicatedTableUnavailable extends RuntimeException {

    public ReplicatedTableUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
