package io.ridemesh.pricing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ServiceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingModelLoaderTest {

    @Test
    void loadsTheCommittedUnitsTariffsAndCalibrations() {
        PricingModel model = PricingModelLoader.fromClasspath();

        ServiceUnit nyc = model.units().byCode("nyc").orElseThrow();
        ServiceUnit chicago = model.units().byCode("chicago").orElseThrow();
        assertThat(nyc.id()).isEqualTo(1);
        assertThat(chicago.id()).isEqualTo(2);
        assertThat(nyc.tariffAt(Instant.parse("2013-01-01T05:00:00Z")).initialChargeCents())
                .isEqualTo(250);
        assertThat(nyc.tariffAt(Instant.parse("2013-01-01T05:00:00Z")).surcharges())
                .hasSize(3);
        assertThat(chicago.tariffAt(Instant.parse("2014-06-01T12:00:00Z")).distanceIncrementCents())
                .isEqualTo(20);
        assertThat(chicago.tariffAt(Instant.parse("2016-06-01T12:00:00Z")).distanceIncrementCents())
                .isEqualTo(25);
        assertThat(model.calibrations()).containsOnlyKeys("nyc", "chicago");
        assertThat(model.calibrations().get("nyc").trips()).isGreaterThan(9_000);
    }

    @Test
    void namesTheFileAndFieldOfABrokenTariff(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("tariffs.json");
        Files.writeString(broken, """
                {"units":[{"id":1,"code":"nyc","zone":"America/New_York","currency":"USD",
                  "serviceArea":{"minLat":40.4,"maxLat":41,"minLon":-74.3,"maxLon":-73.6},
                  "tariffs":[{"name":"x","initialChargeCents":"lots"}]}]}""");

        assertThatThrownBy(() -> PricingModelLoader.units(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tariffs.json")
                .hasMessageContaining("initialChargeCents");
    }
}
