package io.ridemesh.dispatch.matching.application;

import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import java.time.Instant;

/**
 * In-process port through which ride requests enter dispatch; the Kafka consumer of order-service's
 * {@code RideRequested} events is one adapter, a benchmark driver or a test another. Implementations are thread-safe
 * and idempotent per event id.
 */
public interface RideRequests {

    /**
     * @param eventId the event's id (de-duplication key)
     * @param occurredAt when order-service recorded the request
     */
    RegisterOutcome submit(String eventId, RideRequest request, Instant occurredAt);
}
