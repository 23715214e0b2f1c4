package io.ridemesh.dispatch.matching.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.dispatch.matching.application.FollowRides;
import io.ridemesh.dispatch.matching.application.RideRequests;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes order-service's ride events (topics matching {@code dispatch.messaging.topic-pattern}, by default
 * {@code events\.[a-z]\.ride}; payloads as written by order-service's {@code JdbcOutboxRideEvents}).
 *
 * <ul>
 *   <li>{@code RideRequested}: {@link RideRequests#submit}, idempotent by {@code eventId}.
 *   <li>{@code RideCompleted}, {@code RideCancelled}: the ride leaves dispatch, its driver is free.
 *   <li>{@code DriverReleased}: the driver is free, the ride is queued again without that driver.
 *   <li>{@code RideStarted}: the rider is on board (recorded for a shared trip's ride-time promise).
 * </ul>
 *
 * Only events of the regions in {@code acceptedRegions} (by default this region) are handled: a ride is requested in
 * its unit's home region, and only that region's Redis holds the unit's drivers; another region dispatching it would
 * find none and report "no driver" for a ride that has drivers. A malformed event is logged, counted
 * ({@code dispatch.events.rejected}) and skipped: repeating cannot fix it. A Redis failure propagates, so the
 * container's error handler retries the record. Thread-safe (stateless apart from meters).
 */
public final class RideEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RideEventsListener.class);

    private final RideRequests requests;
    private final FollowRides rides;
    private final JsonMapper json;
    private final Set<String> acceptedRegions;
    private final MeterRegistry meters;

    public RideEventsListener(
            RideRequests requests,
            FollowRides rides,
            JsonMapper json,
            Set<String> acceptedRegions,
            MeterRegistry meters) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.rides = Objects.requireNonNull(rides, "rides");
        this.json = Objects.requireNonNull(json, "json");
        this.acceptedRegions = Set.copyOf(acceptedRegions);
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @KafkaListener(
            id = "dispatch-ride-events",
            // the group is spring.kafka.consumer.group-id (dispatch-service-<region>), not this id
            idIsGroup = false,
            topicPattern = "${dispatch.messaging.topic-pattern:events\\.[a-z]\\.ride}",
            autoStartup = "${dispatch.messaging.enabled:true}")
    public void onRecord(ConsumerRecord<String, String> record) {
        String region = regionOf(record.topic());
        if (!acceptedRegions.contains(region)) {
            meters.counter("dispatch.events.ignored", "reason", "foreign-region")
                    .increment();
            return;
        }
        String value = record.value();
        if (value == null) {
            return; // tombstone
        }
        try {
            handle(json.readTree(value));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            meters.counter("dispatch.events.rejected").increment();
            log.warn(
                    "skipping malformed ride event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    /** Handles one parsed event. Package-private for tests. */
    void handle(JsonNode e) {
        String type = text(e, "eventType");
        long rideId = Long.parseLong(text(e, "rideId"));
        int unitId = e.path("unitId").asInt(GlobalIdGenerator.unitOf(rideId));
        switch (type) {
            case "RideRequested": {
                RideRequest request = new RideRequest(
                        rideId,
                        unitId,
                        point(e, "pickup"),
                        point(e, "dropoff"),
                        Product.valueOf(text(e, "product").toUpperCase(Locale.ROOT)),
                        e.path("seats").asInt(1),
                        occurredAt(e));
                RegisterOutcome outcome = requests.submit(text(e, "eventId"), request, occurredAt(e));
                meters.counter(
                                "dispatch.ride.requests",
                                "outcome",
                                outcome.name().toLowerCase(Locale.ROOT))
                        .increment();
                break;
            }
            case "RideCompleted":
            case "RideCancelled":
                rides.ended(rideId, unitId, driver(e));
                break;
            case "DriverReleased": {
                DriverId driver = driver(e);
                if (driver != null) {
                    rides.released(rideId, unitId, driver);
                }
                break;
            }
            case "RideStarted": {
                DriverId driver = driver(e);
                if (driver != null) {
                    rides.started(rideId, driver, occurredAt(e));
                }
                break;
            }
            default:
            // DriverAssigned, DriverArrived, NoDriverAvailable: nothing for dispatch to do
        }
    }

    static String regionOf(String topic) {
        String[] parts = topic.split("\\.");
        return parts.length == 3 ? parts[1] : "";
    }

    private static Instant occurredAt(JsonNode e) {
        JsonNode ms = e.get("occurredAtMs");
        if (ms != null && ms.isNumber()) {
            return Instant.ofEpochMilli(ms.asLong());
        }
        return Instant.parse(text(e, "occurredAt"));
    }

    private static GeoPoint point(JsonNode e, String name) {
        JsonNode p = e.get(name);
        if (p == null || !p.path("lat").isNumber() || !p.path("lon").isNumber()) {
            throw new IllegalArgumentException(name + " must be {lat, lon} numbers, but was " + p);
        }
        return new GeoPoint(p.get("lat").asDouble(), p.get("lon").asDouble());
    }

    private static @Nullable DriverId driver(JsonNode e) {
        JsonNode d = e.get("driverId");
        return d == null || d.isNull() ? null : new DriverId(d.asString());
    }

    private static String text(JsonNode e, String name) {
        JsonNode v = e.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v.isString() ? v.asString() : v.toString();
    }
}
