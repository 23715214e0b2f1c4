package io.ridemesh.pricing.domain;

/**
 * Port: available drivers per H3 cell, as dispatch-service publishes them (Redis hash {@code supply:{unitCode}:cells},
 * field = H3 address at the surge resolution, value = count). Implementations are thread-safe and never throw for an
 * unreachable store: they answer {@link SupplyReading.Unavailable}.
 */
public interface SupplyCounts {

    /** Available drivers in {@code cell} of unit {@code unitCode}. */
    SupplyReading availableDrivers(String unitCode, String cell);
}
