package io.ridemesh.dispatch.supply.domain;

import io.ridemesh.common.unit.UnitDefinition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fix resolved to the unit and H3 cell it falls in, as the supply index stores it. Immutable; thread-safe.
 *
 * @param fix the location fix
 * @param unit the unit whose service area holds the point, or {@code null} outside every area (the driver is then
 *     not dispatchable and not counted)
 * @param cell the H3 cell address at the supply resolution (pricing-service reads the same resolution)
 */
public record DriverPlacement(LocationFix fix, @Nullable UnitDefinition unit, String cell) {

    public DriverPlacement {
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(cell, "cell");
        if (cell.isBlank()) {
            throw new IllegalArgumentException("cell must not be blank, but was '" + cell + "'");
        }
    }
}
