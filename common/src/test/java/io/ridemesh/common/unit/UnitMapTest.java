package io.ridemesh.common.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UnitMapTest {

    private final UnitMap units = UnitMap.standard();

    @Test
    void theStandardMapHoldsNycAndChicagoWithTheirHomesZonesAndTariffZones() {
        assertThat(units.all()).extracting(UnitDefinition::id).containsExactly(1, 2);
        UnitDefinition nyc = units.byCode("nyc").orElseThrow();
        assertThat(nyc.area()).isEqualTo(new GeoBox(40.45, 41.0, -74.3, -73.6));
        assertThat(nyc.homeRegion()).isEqualTo(1);
        assertThat(nyc.timezone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(nyc.currency()).isEqualTo("USD");
        assertThat(nyc.tariffZone()).isEqualTo("nyc");
        UnitDefinition chicago = units.byId(2).orElseThrow();
        assertThat(chicago.code()).isEqualTo("chicago");
        assertThat(chicago.area()).isEqualTo(new GeoBox(41.6, 42.1, -87.95, -87.5));
        assertThat(chicago.homeRegion()).isEqualTo(2);
    }

    @Test
    void findsTheUnitOfAPointEdgesIncluded() {
        assertThat(units.at(new GeoPoint(40.758, -73.9855)))
                .map(UnitDefinition::code)
                .hasValue("nyc");
        assertThat(units.at(new GeoPoint(41.8781, -87.6298)))
                .map(UnitDefinition::code)
                .hasValue("chicago");
        assertThat(units.at(new GeoPoint(40.45, -74.3)))
                .as("corner")
                .map(UnitDefinition::code)
                .hasValue("nyc");
        assertThat(units.at(41.8, -87.95))
                .as("west edge")
                .map(UnitDefinition::code)
                .hasValue("chicago");
        assertThat(units.at(41.8, -87.9500001)).as("just west of it").isEmpty();
        assertThat(units.at(51.5, -0.12)).isEmpty();
        assertThat(units.at(Double.NaN, -73.9)).isEmpty();
        assertThat(units.byCode("paris")).isEmpty();
    }

    @Test
    void parsingNamesTheKeyThatIsWrong() {
        assertThatThrownBy(() -> parse(valid().replace("unit.1.area=40,41,-75,-73", "unit.1.area=40,41,-75")))
                .hasMessageContaining("unit.1.area must be minLat,maxLat,minLon,maxLon");
        assertThatThrownBy(() -> parse(valid().replace("unit.1.timezone=America/New_York", "unit.1.timezone=Mars")))
                .hasMessageContaining("unit.1.timezone must be an IANA zone id");
        assertThatThrownBy(() -> parse(valid().replace("unit.1.currency=USD\n", "")))
                .hasMessage("unit.1.currency must be set");
        assertThatThrownBy(() -> parse(valid() + "unit.1.colour=red\n"))
                .hasMessageContaining("unknown key 'unit.1.colour'");
        assertThatThrownBy(() -> parse(valid().replace("unit.1.area=40,41,-75,-73", "unit.1.area=41,40,-75,-73")))
                .hasMessageContaining("unit.1.area: minLat must be < maxLat");
        assertThat(parse(valid()).all()).hasSize(1);
    }

    @Test
    void refusesOverlappingAreasRepeatedCodesAndBadFields() {
        UnitDefinition a = unit(1, "a", new GeoBox(0, 2, 0, 2));
        assertThatThrownBy(() -> new UnitMap(List.of(a, unit(2, "b", new GeoBox(1, 3, 1, 3)))))
                .hasMessage("unit areas must not overlap, but a and b do");
        assertThatThrownBy(() -> new UnitMap(List.of(a, unit(2, "a", new GeoBox(5, 6, 5, 6)))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new UnitMap(List.of())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> unit(64, "x", new GeoBox(0, 1, 0, 1)))
                .hasMessage("unit id must be in 1..63, but was 64");
        assertThatThrownBy(() -> unit(1, "Nyc", new GeoBox(0, 1, 0, 1))).hasMessageContaining("unit code must match");
        assertThatThrownBy(() -> new GeoBox(0, 1, 2, 2)).hasMessage("minLon must be < maxLon 2.0, but was 2.0");
        assertThatThrownBy(() -> new GeoBox(0, 91, 0, 1)).hasMessage("lat must be within [-90, 90], but was 91.0");
    }

    private static UnitDefinition unit(int id, String code, GeoBox area) {
        return new UnitDefinition(id, code, code.toUpperCase(), area, 1, ZoneId.of("UTC"), "USD", code);
    }

    private static String valid() {
        return """
                unit.1.code=nyc
                unit.1.name=New York City
                unit.1.area=40,41,-75,-73
                unit.1.home-region=1
                unit.1.timezone=America/New_York
                unit.1.currency=USD
                unit.1.tariff-zone=nyc
                """;
    }

    private static UnitMap parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return UnitMap.parse(p);
    }
}
