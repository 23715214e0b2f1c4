package io.ridemesh.order.unit.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A unit ("cell"): the routing shard, a city. Every ride belongs to the unit of its pickup point and its id carries
 * the unit ({@code GlobalIdGenerator.nextId(unitId)}). Immutable; thread-safe.
 *
 * @param id 1..63 (0 means "no unit" in global ids)
 * @param code short lower-case name, e.g. {@code nyc}
 * @param name display name, e.g. {@code New York City}
 * @param serviceArea where pickups are served
 * @param timezone local time zone of the city
 * @param currency ISO 4217 code fares are charged in, e.g. {@code USD}
 * @throws IllegalArgumentException if a field is out of range
 */
public record Unit(int id, String code, String name, BoundingBox serviceArea, ZoneId timezone, String currency) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceArea, "serviceArea");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        if (id < 1 || id > 63) {
            throw new IllegalArgumentException("unit id must be in 1..63, but was " + id);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("unit code must match " + CODE + ", but was '" + code + "'");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be 3 upper-case letters, but was '" + currency + "'");
        }
    }

    /** Whether this unit serves pickups at {@code point}. */
    public boolean serves(GeoPoint point) {
        return serviceArea.contains(point);
    }
}
