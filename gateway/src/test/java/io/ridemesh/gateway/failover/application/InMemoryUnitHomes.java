package io.ridemesh.gateway.failover.application;

import io.ridemesh.gateway.routing.domain.UnitHome;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link UnitHomes} in memory with the same CAS semantics as the JDBC adapter. */
final class InMemoryUnitHomes implements UnitHomes {

    private final Map<Integer, UnitHome> rows = new TreeMap<>();
    int lostRacesToInject;

    InMemoryUnitHomes put(int unitId, String code, int home) {
        rows.put(unitId, new UnitHome(unitId, code, home, null, 1, 0, 0));
        return this;
    }

    @Override
    public synchronized List<UnitHome> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Optional<UnitHome> find(int unitId) {
        return Optional.ofNullable(rows.get(unitId));
    }

    @Override
    public synchronized boolean move(
            int unitId, long expectedVersion, int toRegion, long movedAtMs, long hlcNow, int selfRegion) {
        UnitHome h = rows.get(unitId);
        if (lostRacesToInject > 0) {
            lostRacesToInject--;
            rows.put(
                    unitId,
                    new UnitHome(unitId, h.code(), h.homeRegion(), h.movedAtMs(), h.version() + 1, h.hlc() + 1, 9));
            return false;
        }
        if (h == null || h.version() != expectedVersion) {
            return false;
        }
        rows.put(
                unitId,
                new UnitHome(
                        unitId,
                        h.code(),
                        toRegion,
                        movedAtMs,
                        h.version() + 1,
                        Math.max(hlcNow, h.hlc() + 1),
                        selfRegion));
        return true;
    }
}
