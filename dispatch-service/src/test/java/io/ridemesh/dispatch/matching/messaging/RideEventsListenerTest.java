package io.ridemesh.dispatch.matching.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.application.FollowRides;
import io.ridemesh.dispatch.matching.application.RideRequests;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tools.jackson.databind.json.JsonMapper;

class RideEventsListenerTest {

    private final List<String> eventIds = new ArrayList<>();
    private final List<RideRequest> submitted = new ArrayList<>();
    private final RideRequests requests = (eventId, request, occurredAt) -> {
        eventIds.add(eventId);
        submitted.add(request);
        return RegisterOutcome.REGISTERED;
    };
    private final FollowRides rides = Mockito.mock(FollowRides.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RideEventsListener listener =
            new RideEventsListener(requests, rides, JsonMapper.builder().build(), Set.of("a"), meters);

    /** As order-service's JdbcOutboxRideEvents writes it. */
    private static final String REQUESTED = """
            {"eventId":"9001","eventType":"RideRequested","rideId":"4242","unitId":1,
             "occurredAt":"2026-03-02T18:00:00Z","occurredAtMs":1772474400000,"hlc":1,"riderId":"r-1",
             "product":"POOL","seats":2,"pickup":{"lat":40.7527,"lon":-73.9772},
             "dropoff":{"lat":40.7061,"lon":-74.0087},"quoteId":"q_1","quotedFareCents":1700}
            """;

    @Test
    void submitsARideRequestedEvent() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 7, "4242", REQUESTED));
        assertThat(eventIds).containsExactly("9001");
        assertThat(submitted)
                .containsExactly(new RideRequest(
                        4242,
                        1,
                        new GeoPoint(40.7527, -73.9772),
                        new GeoPoint(40.7061, -74.0087),
                        Product.POOL,
                        2,
                        Instant.parse("2026-03-02T18:00:00Z")));
    }

    @Test
    void ignoresEventsOfOtherRegions() {
        listener.onRecord(new ConsumerRecord<>("events.b.ride", 0, 7, "4242", REQUESTED));
        assertThat(submitted).isEmpty();
        assertThat(meters.counter("dispatch.events.ignored", "reason", "foreign-region")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void skipsAndCountsAMalformedEvent() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 8, "1", "{\"eventType\":\"RideRequested\"}"));
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 9, "1", "not json"));
        assertThat(submitted).isEmpty();
        assertThat(meters.counter("dispatch.events.rejected").count()).isEqualTo(2);
    }

    @Test
    void freesTheDriverWhenARideCompletes() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 10, "4242", """
                {"eventId":"9002","eventType":"RideCompleted","rideId":"4242","unitId":1,"driverId":"d-1",
                 "occurredAtMs":1772474400000}
                """));
        Mockito.verify(rides).ended(4242, 1, new io.ridemesh.dispatch.supply.domain.DriverId("d-1"));
    }

    @Test
    void recordsTheRiderOnBoardWhenARideStarts() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 11, "4242", """
                {"eventId":"9003","eventType":"RideStarted","rideId":"4242","unitId":1,"driverId":"d-1",
                 "occurredAtMs":1772474400000}
                """));
        Mockito.verify(rides)
                .started(
                        4242,
                        new io.ridemesh.dispatch.supply.domain.DriverId("d-1"),
                        Instant.ofEpochMilli(1772474400000L));
    }

    @Test
    void readsTheRegionFromTheTopic() {
        assertThat(RideEventsListener.regionOf("events.a.ride")).isEqualTo("a");
        assertThat(RideEventsListener.regionOf("weird")).isEmpty();
    }
}
