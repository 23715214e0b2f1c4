package io.ridemesh.dispatch.matching.messaging;

import io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable;
import io.ridemesh.dispatch.matching.domain.UnitHomes;
import io.ridemesh.kit.client.GatewayUnitHomes;
import io.ridemesh.kit.client.ServiceCallFailed;
import java.util.Map;
import java.util.Objects;

/** {@link UnitHomes} from the region's gateway ({@link GatewayUnitHomes}). Thread-safe. */
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
            throw new TakeoverSourceUnavailable(String.valueOf(e.getMessage()), e);
        }
    }
}
