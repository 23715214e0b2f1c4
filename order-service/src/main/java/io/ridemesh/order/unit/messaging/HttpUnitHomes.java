package io.ridemesh.order.unit.messaging;

import io.ridemesh.kit.client.GatewayUnitHomes;
import io.ridemesh.kit.client.ServiceCallFailed;
import io.ridemesh.order.unit.domain.UnitHomes;
import java.util.Map;
import java.util.Objects;

/** {@link UnitHomes} from the region's gateway ({@link GatewayUnitHomes}, role {@code service}). Thread-safe. */
public final class HttpUnitHomes implements UnitHomes {

    private final GatewayUnitHomes gateway;

    public HttpUnitHomes(GatewayUnitHomes gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    @Override
    public Map<Integer, Integer> homes() {
        try {
            return gateway.homes();
        } catch (ServiceCallFailed e) {
            throw new UnitHomesUnavailable(String.valueOf(e.getMessage()), e);
        }
    }
}
