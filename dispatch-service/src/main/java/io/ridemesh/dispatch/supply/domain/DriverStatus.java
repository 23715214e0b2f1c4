package io.ridemesh.dispatch.supply.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a driver stands for dispatch. Only {@link #AVAILABLE} drivers are in the matching index and counted in the
 * per-cell supply that pricing reads.
 *
 * <pre>
 * OFFLINE --online--> AVAILABLE --offer placed--> OFFERED --accepted--> ON_TRIP --trip ended--> AVAILABLE
 *                     AVAILABLE <--declined / expired / void-- OFFERED
 * AVAILABLE --offline--> OFFLINE
 * AVAILABLE, OFFLINE --DriverAssigned (order-service assigned a ride without an accepted offer)--> ON_TRIP
 * </pre>
 *
 * A driver on a shared (POOL) trip stays {@link #ON_TRIP} while offers to insert further POOL rides into the trip are
 * placed, accepted, declined or expire; the trip ends, and the driver becomes available, when its last rider leaves.
 */
public enum DriverStatus {
    AVAILABLE("available"),
    OFFERED("offered"),
    ON_TRIP("on_trip"),
    OFFLINE("offline");

    private final String code;

    DriverStatus(String code) {
        this.code = code;
    }

    /** The value stored in Redis ({@code driver:{id}} field {@code status}) and shown in the API. */
    public String code() {
        return code;
    }

    /** The status stored as {@code code}, if it is one. */
    public static Optional<DriverStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
