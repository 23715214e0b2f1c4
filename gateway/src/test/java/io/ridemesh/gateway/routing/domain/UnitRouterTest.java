package io.ridemesh.gateway.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitMap;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitRouterTest {

    private static final UnitRouter ROUTER = new UnitRouter(UnitMap.standard(), 1);
    private static final GlobalIdGenerator IDS = GlobalIdGenerator.create(2, 3, InstantSource.system());

    private static RoutingTable table(int nycHome, int chicagoHome) {
        return new RoutingTable(
                List.of(
                        new UnitHome(1, "nyc", nycHome, null, 1, 0, 0),
                        new UnitHome(2, "chicago", chicagoHome, null, 1, 0, 0)),
                1);
    }

    @ParameterizedTest(name = "({0}, {1}) -> unit {2}")
    @CsvSource({
        "40.7527, -73.9772, 1",
        "40.45, -74.3, 1", // corner: bounds are inclusive
        "41.0, -73.6, 1",
        "41.8781, -87.6298, 2",
        "42.1, -87.5, 2"
    })
    void routesAPointToTheHomeOfTheUnitHoldingIt(double lat, double lon, int unit) {
        RouteDecision d = ROUTER.route(new RoutingKey.Point("pickup", new GeoPoint(lat, lon)), table(1, 2));
        assertThat(d.unitId()).isEqualTo(unit);
        assertThat(d.regionId()).isEqualTo(unit);
    }

    @Test
    void followsTheTableWhenAUnitMoves() {
        RoutingKey nyc = new RoutingKey.Point("pickup", new GeoPoint(40.75, -73.97));
        assertThat(ROUTER.route(nyc, table(1, 2)).regionId()).isEqualTo(1);
        assertThat(ROUTER.route(nyc, table(2, 2)).regionId()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"40.4499, -73.9", "41.0001, -73.9", "40.7, -74.3001", "48.8566, 2.3522", "0, 0"})
    void rejectsAPointOutsideEveryUnitNamingTheField(double lat, double lon) {
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.Point("pickup", new GeoPoint(lat, lon)), table(1, 2)))
                .isInstanceOf(OutsideServiceArea.class)
                .hasMessageContaining("pickup")
                .satisfies(e -> assertThat(((RoutingRejected) e).field()).isEqualTo("pickup"));
    }

    @Test
    void routesAnIdByItsUnitBitsWithoutLookup() {
        long chicagoRide = IDS.nextId(2);
        long nycOffer = IDS.nextId(1);
        assertThat(ROUTER.route(new RoutingKey.EntityId("rideId", chicagoRide), table(1, 2)))
                .isEqualTo(new RouteDecision(2, 2));
        assertThat(ROUTER.route(new RoutingKey.EntityId("offerId", nycOffer), table(2, 2)))
                .isEqualTo(new RouteDecision(1, 2));
    }

    @Test
    void rejectsAnIdWithoutOrWithAnUnknownUnit() {
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.EntityId("rideId", IDS.nextId(0)), table(1, 2)))
                .isInstanceOf(UnknownUnit.class)
                .hasMessageContaining("carries unit 0 (none)");
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.EntityId("rideId", IDS.nextId(9)), table(1, 2)))
                .isInstanceOf(UnknownUnit.class)
                .hasMessageContaining("unit 9");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "nyc, 1", "CHICAGO, 2", "' chicago ', 2"})
    void routesByXUnitIdOrCode(String header, int unit) {
        assertThat(ROUTER.route(new RoutingKey.UnitReference("X-Unit", header), table(1, 2))
                        .unitId())
                .isEqualTo(unit);
    }

    @Test
    void requiresXUnitAndRejectsUnknownOnes() {
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.UnitReference("X-Unit", null), table(1, 2)))
                .isInstanceOf(InvalidRoutingInput.class)
                .hasMessageContaining("X-Unit is required");
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.UnitReference("X-Unit", " "), table(1, 2)))
                .isInstanceOf(InvalidRoutingInput.class);
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.UnitReference("X-Unit", "7"), table(1, 2)))
                .isInstanceOf(UnknownUnit.class);
        assertThatThrownBy(() -> ROUTER.route(new RoutingKey.UnitReference("X-Unit", "paris"), table(1, 2)))
                .isInstanceOf(UnknownUnit.class)
                .hasMessageContaining("'paris'");
    }

    @Test
    void routesUnitlessRequestsLocally() {
        assertThat(ROUTER.route(new RoutingKey.Local(), table(2, 2))).isEqualTo(new RouteDecision(null, 1));
    }

    @Test
    void anEmptyTableRoutesNoUnit() {
        assertThatThrownBy(() ->
                        ROUTER.route(new RoutingKey.Point("pickup", new GeoPoint(40.75, -73.97)), RoutingTable.empty()))
                .isInstanceOf(UnknownUnit.class);
        assertThat(RoutingTable.empty().loaded()).isFalse();
    }
}
