package io.ridemesh.order.ride.messaging;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
 * <p>Payload: always {@code eventId}, {@code eventType}, {@code rideId} (decimal strings for the two ids),
 * {@code unitId}, {@code occurredAt} (ISO-8601 UTC), {@code occurredAtMs}, {@code hlc}; then per type the fields
 * listed in order-service/README.md. Thread-safe.
 */
public final class JdbcOutboxRideEvents implements RideEvents {

    /** The aggregate name, the last part of the topic {@code events.<region>.ride}. */
    public static final String AGGREGATE = "ride";

    private static final String INSERT = "INSERT INTO outbox_event"
            + " (id, aggregate, aggregate_id, event_type, payload, occurred_at_ms, hlc)"
            + " VALUES (:id, :aggregate, :aggregateId, :eventType, :payload, :occurredAtMs, :hlc)";

    private final NamedParameterJdbcOperations jdbc;
    private final GlobalIdGenerator ids;
    private final JsonMapper json;

    /**
     * @param jdbc the service's schema
     * @param ids issues event ids (with the ride's unit)
     * @param json writes payloads
     */
    public JdbcOutboxRideEvents(NamedParameterJdbcOperations jdbc, GlobalIdGenerator ids, JsonMapper json) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void append(RideEvent event, long hlc) {
        long eventId = ids.nextId(event.rideId().unitId());
        Map<String, @Nullable Object> payload = new LinkedHashMap<>();
        payload.put("eventId", Long.toString(eventId));
        payload.put("eventType", event.type());
        payload.put("rideId", event.rideId().toString());
        payload.put("unitId", event.rideId().unitId());
        payload.put("occurredAt", event.occurredAt().toString());
        payload.put("occurredAtMs", event.occurredAt().toEpochMilli());
        payload.put("hlc", hlc);
        describe(event, payload);
        jdbc.update(
                INSERT,
                new MapSqlParameterSource()
                        .addValue("id", eventId)
                        .addValue("aggregate", AGGREGATE)
                        .addValue("aggregateId", event.rideId().value())
                        .addValue("eventType", event.type())
                        .addValue("payload", json.writeValueAsString(payload))
                        .addValue("occurredAtMs", event.occurredAt().toEpochMilli())
                        .addValue("hlc", hlc));
    }

    private static void describe(RideEvent event, Map<String, @Nullable Object> payload) {
        // Java 17: no pattern matching for switch yet; the sealed hierarchy keeps this list complete.
        if (event instanceof RideRequested e) {
            payload.put("riderId", e.riderId().value());
            payload.put("product", e.trip().product().name());
            payload.put("seats", e.trip().seats());
            payload.put("pickup", point(e.trip().pickup()));
            payload.put("dropoff", point(e.trip().dropoff()));
            payload.put("quoteId", e.quote().quoteId());
            payload.put("quotedFareCents", e.quote().fareCents());
            payload.put("currency", e.quote().currency());
            payload.put("quotedDistanceMetres", e.quote().distanceMetres());
            payload.put("quotedDurationSeconds", e.quote().durationSeconds());
        } else if (event instanceof DriverAssigned e) {
            payload.put("driverId", e.driverId().value());
            payload.put("by", e.byCommand().name());
        } else if (event instanceof DriverArrived e) {
            payload.put("driverId", e.driverId().value());
        } else if (event instanceof RideStarted e) {
            payload.put("driverId", e.driverId().value());
        } else if (event instanceof RideCompleted e) {
            payload.put("driverId", e.driverId().value());
            payload.put("actualDistanceMetres", e.actuals().distanceMetres());
            payload.put("actualDurationSeconds", e.actuals().durationSeconds());
            payload.put("finalFareCents", e.finalFareCents());
            payload.put("currency", e.currency());
            payload.put("repriced", e.repriced());
        } else if (event instanceof RideCancelled e) {
            DriverId driver = e.driverId();
            payload.put("status", e.status().name());
            payload.put("driverId", driver == null ? null : driver.value());
            payload.put("cancellationFeeCents", e.cancellationFeeCents());
            payload.put("currency", e.currency());
        } else if (event instanceof DriverReleased e) {
            payload.put("driverId", e.driverId().value());
        } else if (event instanceof NoDriverAvailable) {
            // nothing beyond the common fields
        } else {
            throw new IllegalArgumentException(
                    "unknown ride event " + event.getClass().getName());
        }
    }

    private static Map<String, Double> point(GeoPoint point) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("lat", point.lat());
        map.put("lon", point.lon());
        return map;
    }
}
