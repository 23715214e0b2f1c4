package io.ridemesh.order.ride.domain;

import java.time.Instant;

/**
 * Something that happened to a ride, published through the transactional outbox to
 * {@code events.<region>.ride} (ARCHITECTURE.md section 5). The closed set is the outbox's {@code event_type}
 * vocabulary. Implementations are immutable records.
 */
public sealed interface RideEvent
        permits RideRequested,
                DriverAssigned,
                DriverArrived,
                RideStarted,
                RideCompleted,
                RideCancelled,
                DriverReleased,
                NoDriverAvailable {

    /** The ride it happened to. */
    RideId rideId();

    /** When it happened (the service's wall clock). */
    Instant occurredAt();

    /** The outbox {@code event_type}: the record's simple name, e.g. {@code RideRequested}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
