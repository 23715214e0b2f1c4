package io.ridemesh.dispatch.supply.application;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Use case, run periodically: removes drivers without a fix for {@code staleAfter} from every unit's index and cell
 * counts, so pricing stops counting them. Matching already skips them before the sweep (it checks last-seen), so the
 * sweep period bounds only how long pricing over-counts. Thread-safe; concurrent sweeps are harmless.
 */
public final class SweepStaleDrivers {

    /** Most drivers one script removes, so a sweep never blocks Redis for long. */
    static final int BATCH = 500;

    private final DriverSupply supply;
    private final UnitMap units;
    private final SupplySettings settings;
    private final InstantSource clock;

    public SweepStaleDrivers(DriverSupply supply, UnitMap units, SupplySettings settings, InstantSource clock) {
        this.supply = Objects.requireNonNull(supply, "supply");
        this.units = Objects.requireNonNull(units, "units");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many drivers were removed */
    public int sweep() {
        Instant cutoff = clock.instant().minus(settings.staleAfter());
        int removed = 0;
        for (UnitDefinition unit : units.all()) {
            int n;
            do {
                n = supply.sweepStale(unit, cutoff, BATCH);
                removed += n;
            } while (n == BATCH);
        }
        return removed;
    }
}
