package io.ridemesh.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceUnitTest {

    @Test
    void picksTheRateCardInForceOnTheLocalDate() {
        ServiceUnit chicago = Fixtures.chicago();

        // 2016-01-01T05:59Z is still 2015-12-31 23:59 in Chicago (UTC-6).
        assertThat(chicago.tariffAt(Instant.parse("2016-01-01T05:59:00Z")).name())
                .isEqualTo("chicago 2012");
        assertThat(chicago.tariffAt(Instant.parse("2016-01-01T06:00:00Z")).name())
                .isEqualTo("chicago 2016");
        assertThat(chicago.tariffAt(Instant.parse("2013-06-01T12:00:00Z")).name())
                .isEqualTo("chicago 2012");
    }

    @Test
    void servesPointsInsideItsAreaOnly() {
        ServiceUnit nyc = Fixtures.nyc();

        assertThat(nyc.serves(new GeoPoint(40.7527, -73.9772))).isTrue();
        assertThat(nyc.serves(new GeoPoint(41.8781, -87.6298))).isFalse();
    }
}
