package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The units this pricing deployment serves. Immutable; thread-safe. */
public final class ServiceUnits {

    private final List<ServiceUnit> units;

    /** @throws IllegalArgumentException if ids or codes repeat */
    public ServiceUnits(List<ServiceUnit> units) {
        this.units = List.copyOf(units);
        var ids = new HashSet<Integer>();
        var codes = new HashSet<String>();
        for (ServiceUnit u : this.units) {
            if (!ids.add(u.id()) || !codes.add(u.code())) {
                throw new IllegalArgumentException("unit id " + u.id() + " or code " + u.code() + " repeats");
            }
        }
    }

    /** All units in configuration order. */
    public List<ServiceUnit> all() {
        return units;
    }

    /** The first unit whose service area holds {@code p}. */
    public Optional<ServiceUnit> serving(GeoPoint p) {
        return units.stream().filter(u -> u.serves(p)).findFirst();
    }

    /** The unit with {@code code}. */
    public Optional<ServiceUnit> byCode(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }
}
