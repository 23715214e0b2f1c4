package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A unit as pricing sees it: the unit of the platform's unit map (id, code, time zone, currency, service area) and
 * its rate cards over time. Immutable; thread-safe.
 *
 * @param unit the unit's definition ({@code UnitMap.standard()})
 * @param tariffs rate cards, at least one, at most one without {@link Tariff#effectiveFrom()}
 * @throws IllegalArgumentException if there is no card or more than one without a start date
 */
public record ServiceUnit(UnitDefinition unit, List<Tariff> tariffs) {

    public ServiceUnit {
        Objects.requireNonNull(unit, "unit");
        if (tariffs.isEmpty()) {
            throw new IllegalArgumentException("tariffs of unit " + unit.code() + " must not be empty");
        }
        if (tariffs.stream().filter(t -> t.effectiveFrom() == null).count() > 1) {
            throw new IllegalArgumentException("unit " + unit.code() + " may have one tariff without effectiveFrom");
        }
        tariffs = tariffs.stream()
                .sorted(Comparator.comparing(Tariff::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The unit id shared with the other services (nyc = 1, chicago = 2). */
    public int id() {
        return unit.id();
    }

    /** Lower-case unit code, e.g. {@code nyc}; also the key of Redis {@code supply:{code}:cells}. */
    public String code() {
        return unit.code();
    }

    /** The zone whose wall clock the tariffs use. */
    public ZoneId zone() {
        return unit.timezone();
    }

    /** ISO 4217 code of the fares. */
    public String currency() {
        return unit.currency();
    }

    /** Where pickups and dropoffs are served. */
    public GeoBox serviceArea() {
        return unit.area();
    }

    /**
     * The rate card in force on the local date of {@code at}: the latest whose effective date is on or before it.
     *
     * @throws IllegalStateException if every card starts later
     */
    public Tariff tariffAt(Instant at) {
        LocalDate day = at.atZone(zone()).toLocalDate();
        Tariff found = null;
        for (Tariff t : tariffs) {
            if (t.effectiveFrom() == null || !t.effectiveFrom().isAfter(day)) {
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalStateException("unit " + code() + " has no tariff in force on " + day);
        }
        return found;
    }

    /** Whether this unit serves {@code p}. */
    public boolean serves(GeoPoint p) {
        return unit.serves(p);
    }
}
