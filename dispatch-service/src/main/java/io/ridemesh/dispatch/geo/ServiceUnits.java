package io.ridemesh.dispatch.geo;

import io.ridemesh.common.geo.GeoPoint;
import java.util.List;
import java.util.Optional;

/**
 * The units this service dispatches, looked up by id or by point. Immutable; thread-safe.
 *
 * <p>The boxes are the same as pricing-service's ({@code pricing-tariffs.json}) and order-service's {@code units}
 * table: nyc lat 40.45..41.0, lon -74.3..-73.6; chicago lat 41.6..42.1, lon -87.95..-87.5.
 */
public final class ServiceUnits {

    private final List<ServiceUnit> units;

    public ServiceUnits(List<ServiceUnit> units) {
        this.units = List.copyOf(units);
        if (this.units.isEmpty()) {
            throw new IllegalArgumentException("units must not be empty, but was []");
        }
        long ids = this.units.stream().mapToInt(ServiceUnit::id).distinct().count();
        long codes = this.units.stream().map(ServiceUnit::code).distinct().count();
        if (ids != this.units.size() || codes != this.units.size()) {
            throw new IllegalArgumentException("unit ids and codes must be unique, but were " + this.units);
        }
    }

    /** Unit 1 {@code nyc} and unit 2 {@code chicago}. */
    public static ServiceUnits standard() {
        return new ServiceUnits(List.of(
                new ServiceUnit(1, "nyc", new BoundingBox(40.45, 41.0, -74.3, -73.6)),
                new ServiceUnit(2, "chicago", new BoundingBox(41.6, 42.1, -87.95, -87.5))));
    }

    public List<ServiceUnit> all() {
        return units;
    }

    public Optional<ServiceUnit> byId(int id) {
        return units.stream().filter(u -> u.id() == id).findFirst();
    }

    public Optional<ServiceUnit> byCode(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The unit whose area holds {@code p}; the first listed wins where areas overlap. */
    public Optional<ServiceUnit> at(GeoPoint p) {
        return units.stream().filter(u -> u.area().contains(p)).findFirst();
    }
}
