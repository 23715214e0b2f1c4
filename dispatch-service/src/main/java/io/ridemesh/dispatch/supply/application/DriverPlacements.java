package io.ridemesh.dispatch.supply.application;

import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.supply.domain.DriverPlacement;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import java.util.Objects;

/** Resolves fixes to their unit and H3 cell. Thread-safe. */
public final class DriverPlacements {

    private final UnitMap units;
    private final CellIndex cells;
    private final int resolution;

    public DriverPlacements(UnitMap units, CellIndex cells, int resolution) {
        this.units = Objects.requireNonNull(units, "units");
        this.cells = Objects.requireNonNull(cells, "cells");
        this.resolution = resolution;
    }

    public DriverPlacement place(LocationFix fix) {
        return new DriverPlacement(fix, units.at(fix.point()).orElse(null), cells.cellAt(fix.point(), resolution));
    }
}
