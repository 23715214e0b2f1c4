package io.ridemesh.gateway.failover.web;

import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.failover.application.Failover;
import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.Drills;
import io.ridemesh.gateway.health.LagSample;
import io.ridemesh.gateway.health.RegionHealthMonitor;
import io.ridemesh.gateway.region.RegionStatus;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.RoutingTable;
import io.ridemesh.gateway.routing.domain.UnitHome;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operator API (role {@code operator}, enforced by the security configuration). Any region's gateway answers for
 * the whole deployment: health is this gateway's view, units and drills come from the replicated tables.
 *
 * <pre>
 * GET  /ops/regions                          every region: state, healthy services, declaredDownAtMs, units, lag in/out
 * GET  /ops/units                            every unit: code, home region, movedAtMs, version
 * GET  /ops/drills                           newest first: kind, region, target, units, times, RTO
 * POST /ops/regions/{region}/evacuate        move every unit homed there to a healthy survivor; the drill
 * POST /ops/regions/{region}/failback        move the units evacuated from it back; the drill
 * POST /ops/units/{unit}/move {toRegion}     move one unit; the drill (no drill if already there)
 * </pre>
 *
 * {@code region} is a name or id, {@code unit} an id or code. Writes run on {@code boundedElastic} (JDBC). Errors are
 * problem bodies (see {@code ProblemWebExceptionHandler}). Thread-safe.
 */
@RestController
@RequestMapping(path = "/ops", produces = MediaType.APPLICATION_JSON_VALUE)
class OpsResource {

    private final Failover failover;
    private final Drills drills;
    private final RoutingTables tables;
    private final Regions regions;
    private final RegionHealthMonitor health;
    private final int drillHistory;

    OpsResource(
            Failover failover,
            Drills drills,
            RoutingTables tables,
            Regions regions,
            RegionHealthMonitor health,
            GatewayProperties properties) {
        this.failover = Objects.requireNonNull(failover, "failover");
        this.drills = Objects.requireNonNull(drills, "drills");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.health = Objects.requireNonNull(health, "health");
        this.drillHistory = properties.failover().drillHistory();
    }

    record LagView(
            String source,
            String target,
            @Nullable Double recentMeanMs,
            @Nullable Double maxMs,
            long applied) {
        static LagView of(LagSample s) {
            return new LagView(s.source(), s.target(), round(s.recentMeanMs()), round(s.maxMs()), s.applied());
        }

        private static @Nullable Double round(@Nullable Double v) {
            return v == null ? null : Math.round(v * 10) / 10.0;
        }
    }

    record RegionView(
            int id,
            String name,
            boolean local,
            String state,
            List<String> healthyServices,
            List<String> unhealthyServices,
            @Nullable Long declaredDownAtMs,
            @Nullable Long checkedAtMs,
            boolean canTakeUnits,
            List<String> units,
            List<LagView> lagIn,
            List<LagView> lagOut,
            @Nullable Long applyBacklog) {}

    record RegionsView(String localRegion, List<RegionView> regions) {}

    record UnitView(
            int unitId,
            String code,
            int homeRegionId,
            String homeRegion,
            @Nullable Long movedAtMs,
            long version) {}

    record UnitsView(List<UnitView> units) {}

    record DrillView(
            String id,
            String kind,
            String region,
            String targetRegion,
            long startedAtMs,
            @Nullable Long endedAtMs,
            List<Integer> units,
            @Nullable Long declaredDownAtMs,
            @Nullable Long firstServedAtMs,
            @Nullable Long rtoMs,
            String executedBy) {}

    record DrillsView(List<DrillView> drills) {}

    record MoveRequest(@Nullable String toRegion) {}

    record MoveView(UnitView unit, @Nullable DrillView drill) {}

    @GetMapping("/regions")
    RegionsView regions() {
        RoutingTable table = tables.current();
        List<RegionView> views = regions.all().stream()
                .map(r -> {
                    RegionStatus s = health.of(r);
                    java.util.OptionalLong backlog = health.applyBacklog(r);
                    List<String> units = table.all().stream()
                            .filter(h -> h.homeRegion() == r.id())
                            .map(UnitHome::code)
                            .toList();
                    return new RegionView(
                            r.id(),
                            r.name(),
                            r.equals(regions.self()),
                            s.state().name(),
                            s.healthy().stream().map(ServiceKind::id).toList(),
                            s.unhealthy().stream().map(ServiceKind::id).toList(),
                            s.declaredDownAtMs(),
                            s.checkedAtMs(),
                            s.canServe(),
                            units,
                            health.lagInto(r).stream().map(LagView::of).toList(),
                            health.lagOutOf(r).stream().map(LagView::of).toList(),
                            // what a fail-back waits for: null without a sync-sink, -1 when unreadable
                            backlog.isPresent() ? backlog.getAsLong() : null);
                })
                .toList();
        return new RegionsView(regions.self().name(), views);
    }

    @GetMapping("/units")
    UnitsView units() {
        return new UnitsView(tables.current().all().stream().map(this::unitView).toList());
    }

    @GetMapping("/drills")
    Mono<DrillsView> drills() {
        return blocking(() -> new DrillsView(
                drills.recent(drillHistory).stream().map(this::drillView).toList()));
    }

    @PostMapping("/regions/{region}/evacuate")
    Mono<DrillView> evacuate(@PathVariable String region) {
        return blocking(() -> drillView(failover.evacuate(region)));
    }

    @PostMapping("/regions/{region}/failback")
    Mono<DrillView> failback(@PathVariable String region) {
        return blocking(() -> drillView(failover.failback(region)));
    }

    @PostMapping(path = "/units/{unit}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<MoveView> move(@PathVariable String unit, @RequestBody MoveRequest request) {
        String to = request.toRegion();
        if (to == null || to.isBlank()) {
            return Mono.error(new ServerWebInputException("toRegion is required: a region name or id"));
        }
        return blocking(() -> {
            DrillView drill = failover.move(unit, to).map(this::drillView).orElse(null);
            return new MoveView(unitView(failover.unit(unit)), drill);
        });
    }

    private UnitView unitView(UnitHome h) {
        return new UnitView(
                h.unitId(), h.code(), h.homeRegion(), regions.nameOf(h.homeRegion()), h.movedAtMs(), h.version());
    }

    private DrillView drillView(Drill d) {
        return new DrillView(
                Long.toString(d.id()),
                d.kind().code(),
                regions.nameOf(d.region()),
                regions.nameOf(d.targetRegion()),
                d.startedAtMs(),
                d.endedAtMs(),
                d.units(),
                d.declaredDownAtMs(),
                d.firstServedAtMs(),
                d.rtoMs(),
                regions.nameOf(d.executedBy()));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
