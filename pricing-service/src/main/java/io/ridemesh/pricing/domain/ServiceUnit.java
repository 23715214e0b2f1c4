package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A unit (the routing shard of the architecture, here a city) as pricing sees it: its id and code, its time zone
 * (tariff clocks are local), its currency, the area it serves and its rate cards over time. Immutable; thread-safe.
 *
 * @param id the unit id shared with the other services (nyc = 1, chicago = 2), {@code > 0}
 * @param code lower-case unit code, e.g. {@code nyc}; also the key of Redis {@code supply:{code}:cells}
 * @param zone the zone whose wall clock the tariffs use
 * @param currency ISO 4217 code
 * @param serviceArea where pickups and dropoffs are served
 * @param tariffs rate cards, at most one without {@link Tariff#effectiveFrom()}
 */
public record ServiceUnit(int id, String code, ZoneId zone, String currency, GeoBox serviceArea, List<Tariff> tariffs) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public ServiceUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(serviceArea, "serviceArea");
        if (id <= 0) {
            throw new IllegalArgumentException("id must be > 0, but was " + id);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must match " + CODE + ", but was '" + code + "'");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be 3 upper-case letters, but was '" + currency + "'");
        }
        if (tariffs.isEmpty()) {
            throw new IllegalArgumentException("tariffs of unit " + code + " must not be empty");
        }
        if (tariffs.stream().filter(t -> t.effectiveFrom() == null).count() > 1) {
            throw new IllegalArgumentException("unit " + code + " may have one tariff without effectiveFrom");
        }
        tariffs = tariffs.stream()
                .sorted(Comparator.comparing(Tariff::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The rate card in force on the local date of {@code at}: the latest whose effective date is on or before it.
     *
     * @throws IllegalStateException if every card starts later
     */
    public Tariff tariffAt(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        Tariff found = null;
        for (Tariff t : tariffs) {
            if (t.effectiveFrom() == null || !t.effectiveFrom().isAfter(day)) {
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalStateException("unit " + code + " has no tariff in force on " + day);
        }
        return found;
    }

    /** Whether this unit serves {@code p}. */
    public boolean serves(GeoPoint p) {
        return serviceArea.contains(p);
    }
}
