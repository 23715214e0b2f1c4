package io.ridemesh.order.unit.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where every unit is homed now: the gateway's routing table, which each region holds a replica of, as the region's
 * gateway answers it. Writes for a unit
 * go to its home region (ARCHITECTURE.md section 1); order-service asks only for work that must be done by exactly
 * one region, such as withdrawing duplicate rides.
 */
public interface UnitHomes {

    /**
     * The current homes.
     *
     * @return unit id -> home region id; a unit missing from the map has no known home
     * @throws UnitHomesUnavailable if the gateway cannot be read
     */
    Map<Integer, Integer> homes();

    /** The unit homes could not be read (gateway down or slow, credentials refused, an unreadable answer). */
    final class UnitHomesUnavailable extends RuntimeException {
        /**
         * @param message what failed
         * @param cause the failed call, or null when the answer was unusable
         */
        public UnitHomesUnavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
