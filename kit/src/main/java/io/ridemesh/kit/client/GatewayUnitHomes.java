package io.ridemesh.kit.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Where every unit is homed now, from the region's gateway: {@code GET /ops/units} (its routing table; role {@code
 * service} or {@code operator}), body {@code {"units": [{"unitId": 1, "homeRegionId": 1, ...}, ...]}}. The one reader
 * of that API for the services that follow unit homes (order-service's duplicate reconciler, dispatch-service's
 * takeover). One call per read; the table has one row per unit (at most 63). Thread-safe.
 */
public final class GatewayUnitHomes {

    private final ServiceClient gateway;

    /** @param gateway a client whose base URL is the region's gateway */
    public GatewayUnitHomes(ServiceClient gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * @return unit id -> home region id, for every unit the gateway routes
     * @throws ServiceCallFailed when the gateway cannot be read or its answer has no such units
     */
    public Map<Integer, Integer> homes() {
        JsonNode units = gateway.get(
                        "the unit homes", uri -> uri.path("/ops/units").build())
                .path("units");
        if (!units.isArray()) {
            throw new ServiceCallFailed("the gateway's /ops/units answer has no units array");
        }
        Map<Integer, Integer> homes = new HashMap<>();
        for (JsonNode unit : units) {
            JsonNode id = unit.path("unitId");
            JsonNode home = unit.path("homeRegionId");
            if (!id.isInt() || !home.isInt()) {
                throw new ServiceCallFailed("the gateway's /ops/units answer has a unit without an integer unitId and"
                        + " homeRegionId: " + unit);
            }
            homes.put(id.asInt(), home.asInt());
        }
        return homes;
    }
}
