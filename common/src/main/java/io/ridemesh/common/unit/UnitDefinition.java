package io.ridemesh.common.unit;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit (routing shard, "cell"; ARCHITECTURE.md section 1): a city whose rides belong to it by their pickup point
 * and whose ids carry its id ({@code GlobalIdGenerator.nextId(unitId)}). Immutable; thread-safe.
 *
 * @param id 1..63, the unit bits of global ids (0 means "no unit")
 * @param code lower-case key, e.g. {@code nyc}; also names the unit's Redis keys ({@code supply:{code}:cells})
 * @param name display name, e.g. {@code New York City}
 * @param area the service area: pickups, dropoffs and drivers outside it are not served by this unit
 * @param homeRegion the region id the unit is homed in until a failover moves it ({@code >= 1}); the live home is
 *     gateway's replicated {@code unit_home} row, seeded with this value
 * @param timezone the zone of the city's wall clock (tariffs are local)
 * @param currency ISO 4217 code fares are charged in, e.g. {@code USD}
 * @param tariffZone the key of the unit's rate cards in pricing-service's {@code pricing-tariffs.json}
 * @throws IllegalArgumentException if a field is out of range or malformed
 * @throws NullPointerException if a reference is null
 */
public record UnitDefinition(
        int id,
        String code,
        String name,
        GeoBox area,
        int homeRegion,
        ZoneId timezone,
        String currency,
        String tariffZone) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public UnitDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tariffZone, "tariffZone");
        if (id < 1 || id > 63) {
            throw new IllegalArgumentException("unit id must be in 1..63, but was " + id);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("unit code must match " + CODE + ", but was '" + code + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " name must not be blank");
        }
        if (homeRegion < 1) {
            throw new IllegalArgumentException("unit " + code + " home region must be >= 1, but was " + homeRegion);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be 3 upper-case letters, but was '" + currency + "'");
        }
        if (tariffZone.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " tariff zone must not be blank");
        }
    }

    /** Whether this unit serves {@code point} (its area holds it, edges included). */
    public boolean serves(GeoPoint point) {
        return area.contains(point);
    }
}
