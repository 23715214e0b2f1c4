package io.ridemesh.dispatch.matching.domain;

import java.util.Map;

/**
 * Port: where every unit is homed now, as the region's gateway knows it (its routing table, ARCHITECTURE.md section 1;
 * written by the gateways' failover operations, converged by sync-sink). Implementations are thread-safe.
 */
public interface UnitHomes {

    /**
     * @return unit id -> home region id, for every unit that is not a tombstone
     * @throws TakeoverSourceUnavailable when the gateway cannot be read
     */
    Map<Integer, Integer> homes();
}
