package io.ridemesh.kit.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where every unit is homed now, from the region's gateway: {@code GET /ops/units} (its routing table; role {@code
 * service} or {@code operator}), body {@code {"units": [{"unitId": 1, "homeRegionId": 1, ...}, ...]}}. The one reader
 * of that API for the services that follow unit homes (order-service's duplicate reconciler, dispatch-service's
 * takeover), each of which wires {@link #homes} as its own port and gets its own exception. One call per read; the
 * table has one row per unit (at most 63). Thread-safe.
 */
public final class GatewayUnitHomes {

    private final ServiceClient gateway;
    private final BiFunction<String, @Nullable Throwable, ? extends RuntimeException> failure;

    /**
     * @param gateway a client whose base URL is the region's gateway
     * @param failure the caller's exception for a failed read, from a message and the cause (null when the answer was
     *     unusable rather than the call failed), e.g. {@code UnitHomesUnavailable::new}
     */
    public GatewayUnitHomes(
            ServiceClient gateway, BiFunction<String, @Nullable Throwable, ? extends RuntimeException> failure) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * @return unit id -> home region id, for every unit the gateway routes
     * @throws RuntimeException the caller's {@code failure}, when the gateway cannot be read or its answer holds no
     *     such units
     */
    public Map<Integer, Integer> homes() {
        JsonNode units;
        try {
            units = gateway.get("the unit homes", uri -> uri.path("/ops/units").build())
                    .path("units");
        } catch (ServiceCallFailed e) {
            throw failure.apply(String.valueOf(e.getMessage()), e);
        }
        if (!units.isArray()) {
            throw failure.apply("the gateway's /ops/units answer has no units array", null);
        }
        Map<Integer, Integer> homes = new HashMap<>();
        for (JsonNode unit : units) {
            JsonNode id = unit.path("unitId");
            JsonNode home = unit.path("homeRegionId");
            if (!id.isInt() || !home.isInt()) {
                throw failure.apply(
                        "the gateway's /ops/units answer has a unit without an integer unitId and homeRegionId: "
                                + unit,
                        null);
            }
            homes.put(id.asInt(), home.asInt());
        }
        return homes;
    }
}
