package io.ridemesh.gateway.region;

import java.util.Objects;

/**
 * A region (deployment, data centre) of the platform. Immutable; thread-safe.
 *
 * @param id numeric id, 1..15, as in global ids and in {@code origin_region}
 * @param name short name, e.g. {@code a}
 */
public record Region(int id, String name) {

    public Region {
        if (id < 1 || id > 15) {
            throw new IllegalArgumentException("region id must be in 1..15, but was " + id);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("region name must not be blank, but was '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
