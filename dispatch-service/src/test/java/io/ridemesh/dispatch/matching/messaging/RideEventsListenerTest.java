package io.ridemesh.dispatch.matching.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.contract.ride.RideMessageExamples;
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

    /** The contract's example, as order-service writes it. */
    private static final String REQUESTED = RideMessageExamples.of("RideRequested");

    @Test
    void submitsARideRequestedEvent() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 7, "7000000000000100", REQUESTED));
        assertThat(eventIds).containsExactly("7000000000000001");
        assertThat(submitted)
                .containsExactly(new RideRequest(
                        7_000_000_000_000_100L,
                        1,
                        new GeoPoint(40.7527, -73.9772),
                        new GeoPoint(40.7061, -74.0087),
                        Product.SOLO,
                        1,
                        Instant.parse("2026-03-01T12:00:00Z")));
    }

    @Test
    void handlesEveryExampleOfTheContract() {
        for (String example : RideMessageExamples.all()) {
            listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 1, "k", example));
        }
        assertThat(meters.counter("dispatch.events.rejected").count()).isZero();
        assertThat(meters.counter("dispatch.events.ignored", "reason", "unknown-type")
                        .count())
                .isZero();
        assertThat(submitted).hasSize(1);
    }

    @Test
    void skipsAndCountsAnEventTypeItDoesNotKnow() {
        listener.onRecord(
                new ConsumerRecord<>("events.a.ride", 0, 7, "1", REQUESTED.replace("RideRequested", "RideRated")));
        assertThat(submitted).isEmpty();
        assertThat(meters.counter("dispatch.events.ignored", "reason", "unknown-type")
                        .count())
                .isEqualTo(1);
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
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 10, "k", RideMessageExamples.of("RideCompleted")));
        Mockito.verify(rides)
                .ended(7_000_000_000_000_100L, 1, new io.ridemesh.dispatch.supply.domain.DriverId("driver-9"));
    }

    @Test
    void marksTheDriverBusyWhenOrderServiceAssignsARide() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 12, "k", RideMessageExamples.of("DriverAssigned")));
        Mockito.verify(rides)
                .assigned(7_000_000_000_000_100L, new io.ridemesh.dispatch.supply.domain.DriverId("driver-9"));
    }

    @Test
    void recordsTheRiderOnBoardWhenARideStarts() {
        listener.onRecord(new ConsumerRecord<>("events.a.ride", 0, 11, "k", RideMessageExamples.of("RideStarted")));
        Mockito.verify(rides)
                .started(
                        7_000_000_000_000_100L,
                        new io.ridemesh.dispatch.supply.domain.DriverId("driver-9"),
                        Instant.parse("2026-03-01T12:05:00Z"));
    }

    @Test
    void readsTheRegionFromTheTopic() {
        assertThat(RideEventsListener.regionOf("events.a.ride")).isEqualTo("a");
        assertThat(RideEventsListener.regionOf("weird")).isEmpty();
    }
}
