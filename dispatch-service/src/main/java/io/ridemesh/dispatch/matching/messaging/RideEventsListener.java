package io.ridemesh.dispatch.matching.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.contract.ride.RideMessage;
import io.ridemesh.contract.ride.RideMessage.Envelope;
import io.ridemesh.contract.ride.RideMessageCodec;
import io.ridemesh.dispatch.matching.application.FollowRides;
import io.ridemesh.dispatch.matching.application.RideRequests;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes order-service's ride events (topics matching {@code dispatch.messaging.topic-pattern}, by default
 * {@code events\.[a-z]\.ride}), read with ride-contract's {@link RideMessageCodec}: an event type it does not know
 * is skipped and counted ({@code dispatch.events.ignored}, reason {@code unknown-type}), a newer schema version is
 * refused like a malformed event.
 *
 * <ul>
 *   <li>{@code RideRequested}: {@link RideRequests#submit}, idempotent by {@code eventId}.
 *   <li>{@code DriverAssigned}: the driver is busy ({@link FollowRides#assigned}), so a driver holding a ride is
 *       never offered another.
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
    private final RideMessageCodec codec;
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
        this.codec = new RideMessageCodec(Objects.requireNonNull(json, "json"));
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
        Optional<RideMessage> message;
        try {
            message = codec.decode(value);
            if (message.isPresent()) {
                handle(message.get());
            } else {
                meters.counter("dispatch.events.ignored", "reason", "unknown-type")
                        .increment();
            }
        } catch (IllegalArgumentException e) {
            // RideMessageRejected, or a value dispatch's own types refuse (an unknown product)
            meters.counter("dispatch.events.rejected").increment();
            log.warn(
                    "skipping malformed ride event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    /** Handles one decoded event. Package-private for tests. */
    void handle(RideMessage message) {
        Envelope e = message.envelope();
        Instant occurredAt = Instant.ofEpochMilli(e.occurredAtMs());
        switch (message) {
            case RideMessage.RideRequested r -> {
                RideRequest request = new RideRequest(
                        e.rideId(),
                        e.unitId(),
                        point(r.pickup()),
                        point(r.dropoff()),
                        Product.valueOf(r.product().toUpperCase(Locale.ROOT)),
                        r.seats(),
                        occurredAt);
                RegisterOutcome outcome = requests.submit(Long.toString(e.eventId()), request, occurredAt);
                meters.counter(
                                "dispatch.ride.requests",
                                "outcome",
                                outcome.name().toLowerCase(Locale.ROOT))
                        .increment();
            }
            case RideMessage.RideCompleted c -> rides.ended(e.rideId(), e.unitId(), driver(c.driverId()));
            case RideMessage.RideCancelled c -> rides.ended(e.rideId(), e.unitId(), driver(c.driverId()));
            case RideMessage.DriverReleased r -> rides.released(e.rideId(), e.unitId(), new DriverId(r.driverId()));
            case RideMessage.RideStarted s -> rides.started(e.rideId(), new DriverId(s.driverId()), occurredAt);
            case RideMessage.DriverAssigned a -> rides.assigned(e.rideId(), new DriverId(a.driverId()));
            case RideMessage.DriverArrived a -> {
                // nothing for dispatch to do
            }
            case RideMessage.NoDriverAvailable n -> {
                // dispatch reported it itself
            }
        }
    }

    static String regionOf(String topic) {
        String[] parts = topic.split("\\.");
        return parts.length == 3 ? parts[1] : "";
    }

    private static GeoPoint point(RideMessage.Point p) {
        return new GeoPoint(p.lat(), p.lon());
    }

    private static @Nullable DriverId driver(@Nullable String id) {
        return id == null ? null : new DriverId(id);
    }
}
