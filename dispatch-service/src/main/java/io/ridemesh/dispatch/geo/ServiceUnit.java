package io.ridemesh.dispatch.geo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A unit (routing shard, see ARCHITECTURE.md section 1): a city whose rides and drivers are dispatched together. Its
 * {@code code} names the unit's Redis keys ({@code supply:{code}:cells}, read by pricing-service). Immutable;
 * thread-safe.
 *
 * @param id the unit id carried in ride ids, 1..63
 * @param code lower-case key name, e.g. {@code nyc}
 * @param area the service area; pickups and available drivers outside it are not dispatched
 */
public record ServiceUnit(int id, String code, BoundingBox area) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ServiceUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(area, "area");
        if (id < 1 || id > 63) {
            throw new IllegalArgumentException("id must be in 1..63, but was " + id);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must match " + CODE + ", but was '" + code + "'");
        }
    }
}
