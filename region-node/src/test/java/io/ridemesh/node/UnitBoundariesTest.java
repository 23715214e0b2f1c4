package io.ridemesh.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.gateway.routing.domain.OutsideServiceArea;
import io.ridemesh.gateway.routing.domain.RoutingKey;
import io.ridemesh.gateway.routing.domain.RoutingTable;
import io.ridemesh.gateway.routing.domain.UnitHome;
import io.ridemesh.gateway.routing.domain.UnitRouter;
import io.ridemesh.pricing.application.PricingModelLoader;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.ServiceUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The services agree on where every unit ends: a point pricing quotes is one the gateway routes to that unit and
 * order-service and dispatch-service (which look units up in {@link UnitMap#standard()}) place in it, and a point one
 * refuses, every one refuses, on both sides of every edge of every unit. This module sees every service's classes,
 * so the check uses their own lookups: pricing's units as its tariffs loader builds them, the gateway's router.
 */
class UnitBoundariesTest {

    /** Far below the coordinates' JSON precision, far above a double's rounding at these magnitudes. */
    private static final double STEP = 1e-7;

    private final UnitMap map = UnitMap.standard();
    private final ServiceUnits pricing = PricingModelLoader.fromClasspath().units();
    private final UnitRouter gateway = new UnitRouter(map, 1);
    private final RoutingTable homes = new RoutingTable(
            map.all().stream()
                    .map(u -> new UnitHome(u.id(), u.code(), u.homeRegion(), null, 1, 0, 0))
                    .toList(),
            1);

    @Test
    void everyServiceDrawsTheSameEdgesOnBothSides() {
        List<GeoPoint> probes = probes();
        int inside = 0;
        for (GeoPoint p : probes) {
            Optional<String> expected = map.at(p).map(UnitDefinition::code);
            assertThat(pricing.serving(p).map(ServiceUnit::code))
                    .as("pricing at %s", p)
                    .isEqualTo(expected);
            if (expected.isPresent()) {
                inside++;
                assertThat(gateway.route(new RoutingKey.Point("pickup", p), homes)
                                .unitId())
                        .as("gateway at %s", p)
                        .isEqualTo(map.at(p).orElseThrow().id());
            } else {
                assertThatThrownBy(() -> gateway.route(new RoutingKey.Point("pickup", p), homes))
                        .as("gateway at %s", p)
                        .isInstanceOf(OutsideServiceArea.class);
            }
        }
        // both sides of each of the 4 edges at 3 places, plus the corners: the probes must straddle every edge
        assertThat(inside).isGreaterThanOrEqualTo(map.all().size() * 16);
        assertThat(probes.size() - inside).isGreaterThanOrEqualTo(map.all().size() * 12);
    }

    @Test
    void pricingPricesEveryUnitOfTheMapAndNoOther() {
        assertThat(pricing.all())
                .extracting(ServiceUnit::id, ServiceUnit::code, ServiceUnit::serviceArea, ServiceUnit::zone)
                .containsExactlyElementsOf(map.all().stream()
                        .map(u -> org.assertj.core.groups.Tuple.tuple(u.id(), u.code(), u.area(), u.timezone()))
                        .toList());
    }

    /**
     * For every unit: on, just inside and just outside each edge at a quarter, half and three quarters of it; each
     * corner and just outside it diagonally.
     */
    private List<GeoPoint> probes() {
        List<GeoPoint> out = new ArrayList<>();
        for (UnitDefinition u : map.all()) {
            GeoBox b = u.area();
            for (double f : new double[] {0.25, 0.5, 0.75}) {
                double lat = b.minLat() + f * (b.maxLat() - b.minLat());
                double lon = b.minLon() + f * (b.maxLon() - b.minLon());
                for (double d : new double[] {-STEP, 0, STEP}) {
                    out.add(new GeoPoint(b.minLat() + d, lon));
                    out.add(new GeoPoint(b.maxLat() + d, lon));
                    out.add(new GeoPoint(lat, b.minLon() + d));
                    out.add(new GeoPoint(lat, b.maxLon() + d));
                }
            }
            for (int latSide : new int[] {-1, 1}) {
                for (int lonSide : new int[] {-1, 1}) {
                    double lat = latSide < 0 ? b.minLat() : b.maxLat();
                    double lon = lonSide < 0 ? b.minLon() : b.maxLon();
                    out.add(new GeoPoint(lat, lon));
                    out.add(new GeoPoint(lat + latSide * STEP, lon + lonSide * STEP));
                }
            }
        }
        return out;
    }
}
