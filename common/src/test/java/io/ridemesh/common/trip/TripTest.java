package io.ridemesh.common.trip;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TripTest {

    @Test
    void rejectsNonPositiveDurationSayingWhatCame() {
        assertThatThrownBy(() -> trip(-3, 100, 40.7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durationSeconds must be > 0, but was -3");
    }

    @Test
    void rejectsLatitudeOutOfRange() {
        assertThatThrownBy(() -> trip(60, 100, 91))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pickupLat must be within [-90, 90], but was 91.0");
    }

    private static Trip trip(long duration, long distance, double lat) {
        return new Trip("t", "nyc", Instant.EPOCH, lat, -73.9, 40.7, -73.9, duration, distance, 100, -1, "");
    }
}
