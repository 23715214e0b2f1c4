package io.ridemesh.pricing.domain;

import java.util.Objects;

/** What {@link SupplyCounts} could tell about a cell: a count, or why it could not. */
public sealed interface SupplyReading {

    /** {@code drivers} available drivers in the cell ({@code >= 0}; a cell nobody reported counts 0). */
    record Available(long drivers) implements SupplyReading {
        public Available {
            if (drivers < 0) {
                throw new IllegalArgumentException("drivers must be >= 0, but was " + drivers);
            }
        }
    }

    /** The supply store could not be read; {@code reason} says why (for logs and health, not for riders). */
    record Unavailable(String reason) implements SupplyReading {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
