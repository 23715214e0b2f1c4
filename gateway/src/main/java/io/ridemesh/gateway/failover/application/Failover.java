package io.ridemesh.gateway.failover.application;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.DrillKind;
import io.ridemesh.gateway.failover.domain.Drills;
import io.ridemesh.gateway.failover.domain.TargetChoice;
import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.RegionState;
import io.ridemesh.gateway.region.RegionStatus;
import io.ridemesh.gateway.region.RegionStatuses;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.UnitHome;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's failover use cases. They run in whichever gateway received the call (the evacuated region's may be
 * dead); the table changes replicate to the other regions, whose gateways pick them up on their next reload.
 *
 * <ul>
 *   <li>{@link #evacuate}: every unit homed in a region moves to the surviving region that can serve (order, pricing
 *       and dispatch healthy) and homes the fewest units.
 *   <li>{@link #failback}: the units evacuated from a region since its last fail-back move back to it.
 *   <li>{@link #move}: one unit to a named region.
 * </ul>
 *
 * Each records a {@link Drill} before moving anything (so the first request served at the new home is attributed even
 * if it comes in before the call returns) and completes it afterwards. Every unit move is the versioned CAS, retried
 * on a lost race up to {@code casAttempts} times after re-reading; a unit that a concurrent write already moved
 * elsewhere is left alone.
 *
 * <p>Thread-safety: safe for concurrent use; concurrent calls are serialised by the CAS, not by locks. Blocking (JDBC):
 * call it off event-loop threads. Errors: {@link FailoverRejected}; database errors propagate.
 */
public final class Failover {

    private static final Logger log = LoggerFactory.getLogger(Failover.class);

    private final UnitHomes homes;
    private final Drills drills;
    private final RegionStatuses statuses;
    private final Regions regions;
    private final RoutingTables tables;
    private final RtoTracker rto;
    private final HybridLogicalClock hlc;
    private final InstantSource clock;
    private final LongSupplier drillIds;
    private final int casAttempts;
    private final long failbackMaxBacklog;

    /**
     * @param casAttempts attempts of a unit's versioned CAS before {@link FailoverRejected.ConcurrentMove}
     * @param failbackMaxBacklog most records of its peers' changes the returning region may still have to apply when
     *     it takes its units back ({@link RegionStatuses#applyBacklog}); {@link Long#MAX_VALUE}: no limit
     */
    public Failover(
            UnitHomes homes,
            Drills drills,
            RegionStatuses statuses,
            Regions regions,
            RoutingTables tables,
            RtoTracker rto,
            HybridLogicalClock hlc,
            InstantSource clock,
            LongSupplier drillIds,
            int casAttempts,
            long failbackMaxBacklog) {
        this.homes = Objects.requireNonNull(homes, "homes");
        this.drills = Objects.requireNonNull(drills, "drills");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.rto = Objects.requireNonNull(rto, "rto");
        this.hlc = Objects.requireNonNull(hlc, "hlc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drillIds = Objects.requireNonNull(drillIds, "drillIds");
        if (casAttempts < 1) {
            throw new IllegalArgumentException("casAttempts must be >= 1, but was " + casAttempts);
        }
        this.casAttempts = casAttempts;
        if (failbackMaxBacklog < 0) {
            throw new IllegalArgumentException("failbackMaxBacklog must be >= 0, but was " + failbackMaxBacklog);
        }
        this.failbackMaxBacklog = failbackMaxBacklog;
    }

    /**
     * Moves every unit homed in {@code regionRef} to a healthy surviving region.
     *
     * @param regionRef region name or id
     * @return the completed drill
     * @throws FailoverRejected.UnknownRegion if no such region
     * @throws FailoverRejected.NothingToMove if it homes no unit
     * @throws FailoverRejected.NoHealthyRegion if no other region can serve
     */
    public Drill evacuate(String regionRef) {
        Region region = region(regionRef);
        long startedAt = clock.millis();
        List<UnitHome> all = homes.all();
        List<Integer> planned = all.stream()
                .filter(h -> h.homeRegion() == region.id())
                .map(UnitHome::unitId)
                .toList();
        if (planned.isEmpty()) {
            throw new FailoverRejected.NothingToMove("region " + region.name() + " homes no units");
        }
        List<Integer> candidates = new ArrayList<>();
        for (Region r : regions.all()) {
            if (r.id() != region.id() && statuses.of(r).canServe()) {
                candidates.add(r.id());
            }
        }
        Map<Integer, Integer> load = new HashMap<>();
        all.forEach(h -> load.merge(h.homeRegion(), 1, Integer::sum));
        int target = TargetChoice.leastLoaded(candidates, load)
                .orElseThrow(() -> new FailoverRejected.NoHealthyRegion(region.name()));
        return run(DrillKind.EVACUATE, region.id(), target, region.id(), planned, startedAt);
    }

    /**
     * Moves the units evacuated from {@code regionRef} (by evacuations since its last fail-back) back to it.
     *
     * @throws FailoverRejected.UnknownRegion if no such region
     * @throws FailoverRejected.RegionCannotServe if the region cannot serve yet
     * @throws FailoverRejected.RegionCatchingUp if the region has more than {@code failbackMaxBacklog} of its peers'
     *     changes left to apply (or its backlog cannot be read): it would serve the state it had when it was lost
     * @throws FailoverRejected.NothingToMove if no evacuated unit is homed elsewhere
     */
    public Drill failback(String regionRef) {
        Region region = region(regionRef);
        long startedAt = clock.millis();
        requireCanServe(region);
        long lastFailback = drills.of(region.id(), DrillKind.FAILBACK).stream()
                .mapToLong(Drill::startedAtMs)
                .max()
                .orElse(Long.MIN_VALUE);
        Set<Integer> evacuated = new LinkedHashSet<>();
        for (Drill d : drills.of(region.id(), DrillKind.EVACUATE)) {
            if (d.startedAtMs() > lastFailback) {
                evacuated.addAll(d.units());
            }
        }
        List<Integer> planned = new ArrayList<>();
        for (int unit : evacuated) {
            homes.find(unit).filter(h -> h.homeRegion() != region.id()).ifPresent(h -> planned.add(unit));
        }
        if (planned.isEmpty()) {
            throw new FailoverRejected.NothingToMove("no unit evacuated from region " + region.name()
                    + " is homed elsewhere" + (evacuated.isEmpty() ? " (it was not evacuated)" : ""));
        }
        java.util.OptionalLong backlog = statuses.applyBacklog(region);
        if (backlog.isPresent() && (backlog.getAsLong() < 0 || backlog.getAsLong() > failbackMaxBacklog)) {
            throw new FailoverRejected.RegionCatchingUp(region.name(), backlog.getAsLong(), failbackMaxBacklog);
        }
        return run(DrillKind.FAILBACK, region.id(), region.id(), null, planned, startedAt);
    }

    /**
     * Moves one unit to {@code toRegionRef}.
     *
     * @param unitRef unit id or code
     * @return the drill, or empty if the unit already is homed there (nothing written)
     * @throws FailoverRejected.UnknownUnitReference if no such unit
     * @throws FailoverRejected.UnknownRegion if no such region
     * @throws FailoverRejected.RegionCannotServe if the destination cannot serve
     */
    public Optional<Drill> move(String unitRef, String toRegionRef) {
        UnitHome unit = unit(unitRef);
        Region to = region(toRegionRef);
        long startedAt = clock.millis();
        if (unit.homeRegion() == to.id()) {
            return Optional.empty();
        }
        requireCanServe(to);
        return Optional.of(run(DrillKind.MOVE, unit.homeRegion(), to.id(), null, List.of(unit.unitId()), startedAt));
    }

    /** The unit named by id or code, as stored now. */
    public UnitHome unit(String unitRef) {
        String ref = unitRef.trim().toLowerCase(Locale.ROOT);
        Optional<UnitHome> found;
        if (!ref.isEmpty() && ref.length() <= 2 && ref.chars().allMatch(Character::isDigit)) {
            found = homes.find(Integer.parseInt(ref));
        } else {
            found = homes.all().stream()
                    .filter(h -> h.code().equalsIgnoreCase(ref))
                    .findFirst();
        }
        return found.orElseThrow(() -> new FailoverRejected.UnknownUnitReference(unitRef));
    }

    private Drill run(
            DrillKind kind, int region, int target, @Nullable Integer onlyFrom, List<Integer> planned, long startedAt) {
        RegionStatus status = regions.byId(region).map(statuses::of).orElse(null);
        Long declaredDown = status != null && status.state() == RegionState.DOWN ? status.declaredDownAtMs() : null;
        Drill drill = new Drill(
                drillIds.getAsLong(),
                kind,
                region,
                target,
                startedAt,
                null,
                planned,
                declaredDown,
                null,
                null,
                regions.self().id(),
                1);
        drills.insert(drill, hlc.now(), regions.self().id());
        rto.opened(drill);
        List<Integer> moved = new ArrayList<>();
        for (int unit : planned) {
            if (moveUnit(unit, onlyFrom, target)) {
                moved.add(unit);
            }
        }
        long endedAt = clock.millis();
        complete(drill.id(), endedAt, moved);
        refreshQuietly();
        log.info(
                "drill {} {} region {} -> {}: moved units {} in {} ms",
                drill.id(),
                kind.code(),
                regions.nameOf(region),
                regions.nameOf(target),
                moved,
                endedAt - startedAt);
        return drills.find(drill.id()).orElseThrow();
    }

    /** The CAS with re-read; false if the unit is gone, already at {@code to}, or moved away from {@code onlyFrom}. */
    private boolean moveUnit(int unitId, @Nullable Integer onlyFrom, int to) {
        for (int attempt = 0; attempt < casAttempts; attempt++) {
            Optional<UnitHome> current = homes.find(unitId);
            if (current.isEmpty()
                    || current.get().homeRegion() == to
                    || (onlyFrom != null && current.get().homeRegion() != onlyFrom)) {
                return false;
            }
            if (homes.move(
                    unitId,
                    current.get().version(),
                    to,
                    clock.millis(),
                    hlc.now(),
                    regions.self().id())) {
                return true;
            }
        }
        throw new FailoverRejected.ConcurrentMove(unitId, casAttempts);
    }

    private void complete(long drillId, long endedAt, List<Integer> moved) {
        for (int attempt = 0; attempt < casAttempts; attempt++) {
            Drill current = drills.find(drillId).orElseThrow();
            if (drills.complete(
                    drillId,
                    current.version(),
                    endedAt,
                    moved,
                    hlc.now(),
                    regions.self().id())) {
                return;
            }
        }
        log.warn("drill {} could not be completed after {} attempts (concurrent writes)", drillId, casAttempts);
    }

    private void refreshQuietly() {
        try {
            tables.refresh();
        } catch (RuntimeException e) {
            log.warn(
                    "routing table reload after a failover change failed (the next scheduled one retries): {}",
                    e.toString());
        }
    }

    private void requireCanServe(Region region) {
        RegionStatus status = statuses.of(region);
        if (!status.canServe()) {
            throw new FailoverRejected.RegionCannotServe(
                    region.name(),
                    status.state() + (status.unhealthy().isEmpty() ? "" : ", unhealthy: " + status.unhealthy()));
        }
    }

    private Region region(String ref) {
        return regions.resolve(ref).orElseThrow(() -> new FailoverRejected.UnknownRegion(ref));
    }
}
