package io.ridemesh.dispatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CellsAndInputsTest {

    @Test
    void namesTheSameCellsAsPricing() {
        // pricing-service reads supply:{unit}:cells at H3 resolution 8: the address format must match
        assertThat(H3CellIndex.load().cellAt(new GeoPoint(40.758, -73.9855), 8)).matches("882a1[0-9a-f]{10}");
    }

    @Test
    void rejectsBadValuesSayingWhatCame() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessage("lat must be within [-90, 90], but was 91.0");
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).hasMessage("lon must be within [-180, 180], but was NaN");
        assertThatThrownBy(() ->
                        new RideRequest(-3, 1, new GeoPoint(0, 0), new GeoPoint(0, 0), Product.SOLO, 1, Instant.EPOCH))
                .hasMessage("rideId must be > 0, but was -3");
        assertThatThrownBy(() ->
                        new RideRequest(1, 1, new GeoPoint(0, 0), new GeoPoint(0, 0), Product.SOLO, 0, Instant.EPOCH))
                .hasMessage("seats must be >= 1, but was 0");
        assertThatThrownBy(() -> new DriverId("")).hasMessage("driverId must be 1..64 characters, but was 0");
        assertThatThrownBy(() -> new DriverId("a b")).hasMessageContaining("whitespace");
        assertThatThrownBy(
                        () -> new UnitDefinition(0, "x", "X", new GeoBox(0, 1, 0, 1), 1, ZoneId.of("UTC"), "USD", "x"))
                .hasMessage("unit id must be in 1..63, but was 0");
    }
}
