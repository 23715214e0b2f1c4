package io.ridemesh.order.ride.domain;

/**
 * The ride events this region publishes (a port): implemented as a transactional outbox, so an event must be appended
 * in the same local transaction as the ride change that caused it. Implementations are thread-safe.
 */
public interface RideEvents {

    /**
     * Appends {@code event} to the outbox.
     *
     * @param event what happened
     * @param hlc the HLC timestamp of the ride write that caused it
     */
    void append(RideEvent event, long hlc);
}
