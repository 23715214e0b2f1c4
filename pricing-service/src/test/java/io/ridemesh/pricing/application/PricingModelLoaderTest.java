package io.ridemesh.pricing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
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
                {"tariffZones":[{"code":"nyc",
                  "tariffs":[{"name":"x","initialChargeCents":"lots"}]}]}""");

        assertThatThrownBy(() -> PricingModelLoader.units(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tariffs.json")
                .hasMessageContaining("initialChargeCents");
    }

    @Test
    void takesAreasFromTheUnitMapAndNeedsAZoneForEveryUnit(@TempDir Path dir) throws IOException {
        PricingModel model = PricingModelLoader.fromClasspath();
        for (UnitDefinition u : UnitMap.standard().all()) {
            ServiceUnit priced = model.units().byCode(u.code()).orElseThrow();
            assertThat(priced.serviceArea()).isEqualTo(u.area());
            assertThat(priced.zone()).isEqualTo(u.timezone());
            assertThat(priced.id()).isEqualTo(u.id());
        }

        Path noZones = dir.resolve("tariffs.json");
        Files.writeString(noZones, """
                {"tariffZones":[]}""");
        assertThatThrownBy(() -> PricingModelLoader.units(noZones))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tariffs.json")
                .hasMessageContaining("no zone 'nyc'");
        Path extraZone = dir.resolve("extra.json");
        String committed;
        try (var in = PricingModelLoaderTest.class.getResourceAsStream("/" + PricingModelLoader.TARIFFS_RESOURCE)) {
            committed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(
                extraZone,
                committed.replace("\"tariffZones\": [", "\"tariffZones\": [{\"code\": \"paris\", \"tariffs\": []},"));
        assertThatThrownBy(() -> PricingModelLoader.units(extraZone))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paris");
    }
}
