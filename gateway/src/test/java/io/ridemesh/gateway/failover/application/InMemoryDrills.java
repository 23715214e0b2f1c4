package io.ridemesh.gateway.failover.application;

import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.DrillKind;
import io.ridemesh.gateway.failover.domain.Drills;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Drills} in memory with the same CAS semantics as the JDBC adapter. */
final class InMemoryDrills implements Drills {

    private final Map<Long, Drill> rows = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Drill drill, long hlc, int selfRegion) {
        rows.put(drill.id(), drill);
    }

    @Override
    public synchronized List<Drill> recent(int limit) {
        return rows.values().stream()
                .sorted(Comparator.comparingLong(Drill::startedAtMs)
                        .thenComparingLong(Drill::id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Drill> of(int region, DrillKind kind) {
        return rows.values().stream()
                .filter(d -> d.region() == region && d.kind() == kind)
                .toList();
    }

    @Override
    public synchronized List<Drill> awaitingFirstServe(long sinceMs) {
        return rows.values().stream()
                .filter(d -> d.awaitingFirstServe() && d.startedAtMs() >= sinceMs)
                .toList();
    }

    @Override
    public synchronized Optional<Drill> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean complete(
            long id, long expectedVersion, long endedAtMs, List<Integer> units, long hlcNow, int selfRegion) {
        Drill d = rows.get(id);
        if (d == null || d.version() != expectedVersion) {
            return false;
        }
        rows.put(
                id,
                new Drill(
                        d.id(),
                        d.kind(),
                        d.region(),
                        d.targetRegion(),
                        d.startedAtMs(),
                        endedAtMs,
                        new ArrayList<>(units),
                        d.declaredDownAtMs(),
                        d.firstServedAtMs(),
                        d.rtoMs(),
                        d.executedBy(),
                        d.version() + 1));
        return true;
    }

    @Override
    public synchronized boolean recordFirstServed(Drill drill, long hlcNow, int selfRegion) {
        Drill d = rows.get(drill.id());
        if (d == null || d.version() != drill.version() - 1 || d.firstServedAtMs() != null) {
            return false;
        }
        rows.put(drill.id(), drill);
        return true;
    }
}
