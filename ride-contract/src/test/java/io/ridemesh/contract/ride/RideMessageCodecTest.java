package io.ridemesh.contract.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.contract.ride.RideMessage.RideCancelled;
import io.ridemesh.contract.ride.RideMessage.RideRequested;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RideMessageCodecTest {

    private final RideMessageCodec codec = RideMessageCodec.standard();

    @Test
    void thereIsAnExampleOfEveryTypeAndEachSurvivesARoundTrip() {
        Set<String> types = RideMessageExamples.all().stream()
                .map(l -> codec.decode(l).orElseThrow().eventType())
                .collect(Collectors.toSet());
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "RideRequested",
                        "DriverAssigned",
                        "DriverArrived",
                        "RideStarted",
                        "DriverReleased",
                        "RideCompleted",
                        "RideCancelled",
                        "NoDriverAvailable");
        assertThat(RideMessage.class.getPermittedSubclasses()).hasSize(types.size());
        for (String example : RideMessageExamples.all()) {
            RideMessage decoded = codec.decode(example).orElseThrow();
            assertThat(codec.decode(codec.encode(decoded))).contains(decoded);
        }
    }

    @Test
    void readsTheFieldsAsWritten() {
        RideRequested r = (RideRequested)
                codec.decode(RideMessageExamples.of("RideRequested")).orElseThrow();
        assertThat(r.envelope().rideId()).isEqualTo(7_000_000_000_000_100L);
        assertThat(r.envelope().unitId()).isEqualTo(1);
        assertThat(r.pickup().lat()).isEqualTo(40.7527);
        assertThat(r.quotedFareCents()).isEqualTo(1850);
        RideCancelled c = (RideCancelled)
                codec.decode(RideMessageExamples.of("RideCancelled")).orElseThrow();
        assertThat(c.driverId()).isNull();
        assertThat(c.driverIdOrNull()).isNull();
    }

    @Test
    void followsTheVersionRule() {
        String requested = RideMessageExamples.of("RideRequested");
        // unknown fields are ignored (a producer may add optional ones)
        assertThat(codec.decode(requested.replace("\"seats\":1", "\"seats\":1,\"tip\":{\"cents\":100}")))
                .isPresent();
        // an unknown event type is skipped (a producer may add types)
        assertThat(codec.decode(requested.replace("RideRequested", "RideRated")))
                .isEmpty();
        // no version: written before the field existed, read as version 1
        assertThat(codec.decode(requested.replace("\"schemaVersion\":1,", ""))).isPresent();
        // a newer version is refused, never misread
        assertThatThrownBy(() -> codec.decode(requested.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
                .isInstanceOf(RideMessageRejected.class)
                .hasMessageContaining("schemaVersion 2 is newer");
    }

    @Test
    void refusesAMalformedMessageNamingTheField() {
        String requested = RideMessageExamples.of("RideRequested");
        assertThatThrownBy(() -> codec.decode(requested.replace("\"quoteId\":\"q_1\",", "")))
                .isInstanceOf(RideMessageRejected.class)
                .hasMessageContaining("quoteId is required");
        assertThatThrownBy(() -> codec.decode(requested.replace("\"seats\":1", "\"seats\":\"one\"")))
                .hasMessageContaining("seats must be an integer");
        assertThatThrownBy(() -> codec.decode(requested.replace("{\"lat\":40.7527,\"lon\":-73.9772}", "\"here\"")))
                .hasMessageContaining("pickup must be {lat, lon}");
        assertThatThrownBy(() -> codec.decode(requested.replace("\"seats\":1", "\"seats\":0")))
                .hasMessageContaining("seats must be >= 1");
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(RideMessageRejected.class);
        assertThatThrownBy(() -> codec.decode("[1]")).hasMessageContaining("must be a JSON object");
    }
}
