package io.ridemesh.order.ride.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.contract.ride.RideMessage;
import io.ridemesh.contract.ride.RideMessage.Envelope;
import io.ridemesh.contract.ride.RideMessageCodec;
import io.ridemesh.contract.ride.RideMessageExamples;
import io.ridemesh.order.ride.domain.DriverArrived;
import io.ridemesh.order.ride.domain.DriverAssigned;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.DriverReleased;
import io.ridemesh.order.ride.domain.NoDriverAvailable;
import io.ridemesh.order.ride.domain.Product;
import io.ridemesh.order.ride.domain.Quote;
import io.ridemesh.order.ride.domain.RideCancelled;
import io.ridemesh.order.ride.domain.RideCommand;
import io.ridemesh.order.ride.domain.RideCompleted;
import io.ridemesh.order.ride.domain.RideEvent;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RideRequested;
import io.ridemesh.order.ride.domain.RideStarted;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Trip;
import io.ridemesh.order.ride.domain.TripActuals;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer's side of the ride contract: every domain event order-service appends becomes a message that decodes
 * to itself and has exactly the fields of the contract's example of its type.
 */
class RideEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RideMessageCodec CODEC = new RideMessageCodec(JSON);
    private static final RideId RIDE = new RideId(7_000_000_000_000_100L);
    private static final DriverId DRIVER = new DriverId("driver-9");
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void everyDomainEventIsAContractMessageWithTheExamplesFields() {
        List<RideEvent> events = List.of(
                new RideRequested(
                        RIDE,
                        new RiderId("rider-1"),
                        new Trip(new GeoPoint(40.7527, -73.9772), new GeoPoint(40.7061, -74.0087), Product.SOLO, 1),
                        new Quote("q_1", 1850, "USD", 6200, 1260),
                        AT),
                new DriverAssigned(RIDE, DRIVER, RideCommand.ASSIGN, AT),
                new DriverArrived(RIDE, DRIVER, AT),
                new RideStarted(RIDE, DRIVER, AT),
                new RideCompleted(RIDE, DRIVER, new TripActuals(6400, 1290), 1850, "USD", false, AT),
                new DriverReleased(RIDE, DRIVER, AT),
                new RideCancelled(RIDE, RideStatus.CANCELLED_BY_RIDER, null, 0, "USD", AT),
                new NoDriverAvailable(RIDE, AT));
        Set<String> types = new HashSet<>();
        for (RideEvent event : events) {
            RideMessage message =
                    JdbcOutboxRideEvents.message(event, new Envelope(9, RIDE.value(), 1, AT.toEpochMilli(), 42));
            String written = CODEC.encode(message);

            assertThat(CODEC.decode(written)).contains(message);
            assertThat(fieldNames(written))
                    .as(message.eventType())
                    .isEqualTo(fieldNames(RideMessageExamples.of(message.eventType())));
            types.add(message.eventType());
        }
        assertThat(types)
                .as("every event type of the contract")
                .hasSize(RideMessageExamples.all().size());
    }

    private static Set<String> fieldNames(String json) {
        JsonNode node = JSON.readTree(json);
        Set<String> names = new HashSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
