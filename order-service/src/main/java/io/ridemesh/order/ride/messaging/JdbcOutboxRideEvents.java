package io.ridemesh.order.ride.messaging;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.contract.ride.RideMessage;
import io.ridemesh.contract.ride.RideMessage.Envelope;
import io.ridemesh.contract.ride.RideMessage.Point;
import io.ridemesh.contract.ride.RideMessageCodec;
import io.ridemesh.order.ride.domain.DriverArrived;
import io.ridemesh.order.ride.domain.DriverAssigned;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.DriverReleased;
import io.ridemesh.order.ride.domain.NoDriverAvailable;
import io.ridemesh.order.ride.domain.RideCancelled;
import io.ridemesh.order.ride.domain.RideCompleted;
import io.ridemesh.order.ride.domain.RideEvent;
import io.ridemesh.order.ride.domain.RideEvents;
import io.ridemesh.order.ride.domain.RideRequested;
import io.ridemesh.order.ride.domain.RideStarted;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RideEvents} as a transactional outbox: one {@code outbox_event} row per event, inserted through the caller's
 * transaction (so it commits or rolls back with the ride change). This region's capture publishes inserted rows to
 * {@code events.<region>.ride}; it never sends to Kafka itself (no dual writes).
 *
 * <p>Row: {@code id} a global id (the event id consumers de-duplicate on), {@code aggregate} {@value #AGGREGATE},
 * {@code aggregate_id} the ride id, {@code event_type} the event's simple name, {@code payload} JSON (below),
 * {@code occurred_at_ms}, {@code hlc} of the ride write.
 *
 * <p>Payload: the event as ride-contract's {@link RideMessage}, written by its {@link RideMessageCodec} (the fields
 * and the version rule are there). Thread-safe.
 */
public final class JdbcOutboxRideEvents implements RideEvents {

    /** The aggregate name, the last part of the topic {@code events.<region>.ride}. */
    public static final String AGGREGATE = "ride";

    private static final String INSERT = "INSERT INTO outbox_event"
            + " (id, aggregate, aggregate_id, event_type, payload, occurred_at_ms, hlc)"
            + " VALUES (:id, :aggregate, :aggregateId, :eventType, :payload, :occurredAtMs, :hlc)";

    private final NamedParameterJdbcOperations jdbc;
    private final GlobalIdGenerator ids;
    private final RideMessageCodec codec;

    /**
     * @param jdbc the service's schema
     * @param ids issues event ids (with the ride's unit)
     * @param json writes payloads
     */
    public JdbcOutboxRideEvents(NamedParameterJdbcOperations jdbc, GlobalIdGenerator ids, JsonMapper json) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.codec = new RideMessageCodec(Objects.requireNonNull(json, "json"));
    }

    @Override
    public void append(RideEvent event, long hlc) {
        long eventId = ids.nextId(event.rideId().unitId());
        RideMessage message = message(
                event,
                new Envelope(
                        eventId,
                        event.rideId().value(),
                        event.rideId().unitId(),
                        event.occurredAt().toEpochMilli(),
                        hlc));
        jdbc.update(
                INSERT,
                new MapSqlParameterSource()
                        .addValue("id", eventId)
                        .addValue("aggregate", AGGREGATE)
                        .addValue("aggregateId", event.rideId().value())
                        .addValue("eventType", message.eventType())
                        .addValue("payload", codec.encode(message))
                        .addValue("occurredAtMs", event.occurredAt().toEpochMilli())
                        .addValue("hlc", hlc));
    }

    /** The contract's message for a domain event (ride-contract's {@link RideMessage}, version 1). */
    static RideMessage message(RideEvent event, Envelope envelope) {
        return switch (event) {
            case RideRequested e ->
                new RideMessage.RideRequested(
                        envelope,
                        e.riderId().value(),
                        e.trip().product().name(),
                        e.trip().seats(),
                        point(e.trip().pickup()),
                        point(e.trip().dropoff()),
                        e.quote().quoteId(),
                        e.quote().fareCents(),
                        e.quote().currency(),
                        e.quote().distanceMetres(),
                        e.quote().durationSeconds());
            case DriverAssigned e ->
                new RideMessage.DriverAssigned(
                        envelope, e.driverId().value(), e.byCommand().name());
            case DriverArrived e ->
                new RideMessage.DriverArrived(envelope, e.driverId().value());
            case RideStarted e ->
                new RideMessage.RideStarted(envelope, e.driverId().value());
            case RideCompleted e ->
                new RideMessage.RideCompleted(
                        envelope,
                        e.driverId().value(),
                        e.actuals().distanceMetres(),
                        e.actuals().durationSeconds(),
                        e.finalFareCents(),
                        e.currency(),
                        e.repriced());
            case RideCancelled e -> {
                DriverId driver = e.driverId();
                yield new RideMessage.RideCancelled(
                        envelope,
                        e.status().name(),
                        driver == null ? null : driver.value(),
                        e.cancellationFeeCents(),
                        e.currency());
            }
            case DriverReleased e ->
                new RideMessage.DriverReleased(envelope, e.driverId().value());
            case NoDriverAvailable e -> new RideMessage.NoDriverAvailable(envelope);
        };
    }

    private static Point point(GeoPoint point) {
        return new Point(point.lat(), point.lon());
    }
}
