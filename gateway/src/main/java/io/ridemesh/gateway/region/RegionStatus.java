package io.ridemesh.gateway.region;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One region's health at the last probe round. Immutable; thread-safe.
 *
 * @param region the region
 * @param state UP / DEGRADED / DOWN, UNKNOWN before the first round
 * @param healthy services whose {@code /actuator/health} answered 2xx
 * @param unhealthy services that did not (error, timeout, non-2xx)
 * @param declaredDownAtMs epoch ms of the first round in which every probe failed, while the region stays down; null
 *     when not down
 * @param checkedAtMs epoch ms of the last completed round, null before the first
 */
public record RegionStatus(
        Region region,
        RegionState state,
        List<ServiceKind> healthy,
        List<ServiceKind> unhealthy,
        @Nullable Long declaredDownAtMs,
        @Nullable Long checkedAtMs) {

    public RegionStatus {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(state, "state");
        healthy = List.copyOf(healthy);
        unhealthy = List.copyOf(unhealthy);
        if (state == RegionState.DOWN && declaredDownAtMs == null) {
            throw new IllegalArgumentException(
                    "a DOWN region must carry declaredDownAtMs, but " + region + " has none");
        }
    }

    /** Before the first probe round. */
    public static RegionStatus unknown(Region region) {
        return new RegionStatus(region, RegionState.UNKNOWN, List.of(), List.of(), null, null);
    }

    /** Whether the region can take units: not down, and every routed service (order, pricing, dispatch) healthy. */
    public boolean canServe() {
        return state != RegionState.DOWN
                && state != RegionState.UNKNOWN
                && healthy.contains(ServiceKind.ORDER_SERVICE)
                && healthy.contains(ServiceKind.PRICING_SERVICE)
                && healthy.contains(ServiceKind.DISPATCH_SERVICE);
    }
}
