package io.ridemesh.gateway.failover.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.DrillKind;
import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.RegionState;
import io.ridemesh.gateway.region.RegionStatus;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import io.ridemesh.gateway.routing.application.RoutingTables;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The failover use cases on in-memory ports, with a clock the test moves. */
class FailoverTest {

    private static final Region A = new Region(1, "a");
    private static final Region B = new Region(2, "b");
    private static final Region C = new Region(3, "c");
    private static final List<ServiceKind> ALL = List.of(
            ServiceKind.ORDER_SERVICE,
            ServiceKind.PRICING_SERVICE,
            ServiceKind.DISPATCH_SERVICE,
            ServiceKind.SYNC_SINK);

    private final AtomicLong now =
            new AtomicLong(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli());
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    private final Map<Integer, RegionStatus> statuses = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private InMemoryUnitHomes homes;
    private InMemoryDrills drills;
    private RtoTracker rto;
    private Failover failover;

    @BeforeEach
    void deployment() {
        homes = new InMemoryUnitHomes().put(1, "nyc", 1).put(2, "chicago", 2).put(3, "boston", 1);
        drills = new InMemoryDrills();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, Duration.ofMillis(500));
        rto = new RtoTracker(drills, hlc, clock, Runnable::run, 2, Duration.ofHours(1), 3);
        Regions regions = new Regions(List.of(A, B, C), B, Map.of());
        up(A);
        up(B);
        up(C);
        failover = new Failover(
                homes,
                drills,
                r -> statuses.getOrDefault(r.id(), RegionStatus.unknown(r)),
                regions,
                new RoutingTables(homes, clock),
                rto,
                hlc,
                clock,
                ids::incrementAndGet,
                3,
                Long.MAX_VALUE);
    }

    private void up(Region r) {
        statuses.put(r.id(), new RegionStatus(r, RegionState.UP, ALL, List.of(), null, now.get()));
    }

    private void down(Region r, long declaredAt) {
        statuses.put(r.id(), new RegionStatus(r, RegionState.DOWN, List.of(), ALL, declaredAt, now.get()));
    }

    private int homeOf(int unit) {
        return homes.find(unit).orElseThrow().homeRegion();
    }

    @Test
    void evacuateMovesEveryUnitOfTheRegionToTheLeastLoadedHealthySurvivor() {
        // b homes chicago, c homes nothing: c takes a's units
        Drill drill = failover.evacuate("a");
        assertThat(drill.kind()).isEqualTo(DrillKind.EVACUATE);
        assertThat(drill.targetRegion()).isEqualTo(3);
        assertThat(drill.units()).containsExactly(1, 3);
        assertThat(homeOf(1)).isEqualTo(3);
        assertThat(homeOf(3)).isEqualTo(3);
        assertThat(homeOf(2)).isEqualTo(2);
        assertThat(drill.endedAtMs()).isNotNull();
        assertThat(drill.executedBy()).isEqualTo(2);
        assertThat(drill.declaredDownAtMs()).isNull();
    }

    @Test
    void evacuateSkipsRegionsThatCannotServe() {
        down(C, now.get());
        statuses.put(
                2,
                new RegionStatus(
                        B,
                        RegionState.DEGRADED,
                        List.of(ServiceKind.ORDER_SERVICE, ServiceKind.PRICING_SERVICE, ServiceKind.DISPATCH_SERVICE),
                        List.of(ServiceKind.SYNC_SINK),
                        null,
                        now.get()));
        assertThat(failover.evacuate("1").targetRegion())
                .as("degraded but routable b")
                .isEqualTo(2);
    }

    @Test
    void evacuateWithoutAHealthySurvivorIsRefusedAndMovesNothing() {
        down(B, now.get());
        down(C, now.get());
        assertThatThrownBy(() -> failover.evacuate("a"))
                .isInstanceOf(FailoverRejected.NoHealthyRegion.class)
                .hasMessageContaining("no region other than a");
        assertThat(homeOf(1)).isEqualTo(1);
        assertThat(drills.recent(10)).isEmpty();
    }

    @Test
    void evacuateOfARegionHomingNothingOrUnknownIsRefused() {
        assertThatThrownBy(() -> failover.evacuate("c")).isInstanceOf(FailoverRejected.NothingToMove.class);
        assertThatThrownBy(() -> failover.evacuate("z")).isInstanceOf(FailoverRejected.UnknownRegion.class);
    }

    @Test
    void rtoOfADeclaredDownRegionRunsFromTheDeclarationToTheFirstServe() {
        long declared = now.get();
        down(A, declared);
        now.addAndGet(3_000);
        Drill drill = failover.evacuate("a");
        assertThat(drill.declaredDownAtMs()).isEqualTo(declared);
        now.addAndGet(400);
        rto.served(2, 2, now.get()); // chicago at b: not moved by this drill
        rto.served(1, 2, now.get()); // nyc, but not at the new home
        assertThat(drills.find(drill.id()).orElseThrow().firstServedAtMs()).isNull();
        rto.served(1, 3, now.get());
        Drill served = drills.find(drill.id()).orElseThrow();
        assertThat(served.firstServedAtMs()).isEqualTo(now.get());
        assertThat(served.rtoMs()).isEqualTo(3_400);
        now.addAndGet(100);
        rto.served(3, 3, now.get());
        assertThat(drills.find(drill.id()).orElseThrow().rtoMs())
                .as("only the first serve counts")
                .isEqualTo(3_400);
    }

    @Test
    void rtoOfARegionNeverDeclaredDownRunsFromTheCall() {
        Drill drill = failover.evacuate("a");
        now.addAndGet(250);
        rto.served(3, 3, now.get());
        assertThat(drills.find(drill.id()).orElseThrow().rtoMs()).isEqualTo(250);
    }

    @Test
    void rtoTrackerSeesDrillsRunByOtherGatewaysAfterARefresh() {
        Drill remote = new Drill(7, DrillKind.MOVE, 2, 1, now.get(), now.get(), List.of(2), null, null, null, 1, 2);
        drills.insert(remote, 1, 1);
        rto.served(2, 1, now.get() + 10);
        assertThat(drills.find(7).orElseThrow().firstServedAtMs()).isNull();
        rto.refresh();
        rto.served(2, 1, now.get() + 20);
        assertThat(drills.find(7).orElseThrow().rtoMs()).isEqualTo(20);
    }

    @Test
    void failbackReturnsOnlyTheUnitsEvacuatedFromTheRegion() {
        failover.evacuate("a");
        failover.move("chicago", "c");
        now.addAndGet(1_000);
        Drill back = failover.failback("a");
        assertThat(back.kind()).isEqualTo(DrillKind.FAILBACK);
        assertThat(back.units()).containsExactly(1, 3);
        assertThat(homeOf(1)).isEqualTo(1);
        assertThat(homeOf(3)).isEqualTo(1);
        assertThat(homeOf(2)).isEqualTo(3);
        now.addAndGet(1_000);
        assertThatThrownBy(() -> failover.failback("a"))
                .as("a second fail-back has nothing left")
                .isInstanceOf(FailoverRejected.NothingToMove.class);
    }

    @Test
    void failbackWaitsUntilTheRegionCanServe() {
        down(A, now.get());
        failover.evacuate("a");
        assertThatThrownBy(() -> failover.failback("a"))
                .isInstanceOf(FailoverRejected.RegionCannotServe.class)
                .hasMessageContaining("DOWN");
        up(A);
        assertThat(failover.failback("a").units()).containsExactly(1, 3);
    }

    @Test
    void failbackWaitsUntilTheRegionHasAppliedItsPeersChanges() {
        Map<Integer, Long> backlogs = new HashMap<>(Map.of(1, -1L));
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, Duration.ofMillis(500));
        Failover gated = new Failover(
                homes,
                drills,
                new io.ridemesh.gateway.region.RegionStatuses() {
                    @Override
                    public RegionStatus of(Region r) {
                        return statuses.getOrDefault(r.id(), RegionStatus.unknown(r));
                    }

                    @Override
                    public java.util.OptionalLong applyBacklog(Region r) {
                        Long b = backlogs.get(r.id());
                        return b == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(b);
                    }
                },
                new Regions(List.of(A, B, C), B, Map.of()),
                new RoutingTables(homes, clock),
                rto,
                hlc,
                clock,
                ids::incrementAndGet,
                3,
                100);
        gated.evacuate("a");
        now.addAndGet(1_000);
        assertThatThrownBy(() -> gated.failback("a"))
                .as("its sync-sink not read yet")
                .isInstanceOf(FailoverRejected.RegionCatchingUp.class)
                .hasMessageContaining("backlog is unknown");
        backlogs.put(1, 5_000L);
        assertThatThrownBy(() -> gated.failback("a"))
                .isInstanceOf(FailoverRejected.RegionCatchingUp.class)
                .hasMessageContaining("still has 5000 changes of its peers to apply (at most 100)");
        assertThat(homeOf(1)).as("nothing moved while it catches up").isEqualTo(3);
        backlogs.put(1, 100L);
        assertThat(gated.failback("a").units()).containsExactly(1, 3);
        assertThat(homeOf(1)).isEqualTo(1);
    }

    @Test
    void moveIsANoOpWhenTheUnitIsAlreadyThere() {
        assertThat(failover.move("nyc", "a")).isEmpty();
        assertThat(failover.move("1", "b"))
                .get()
                .extracting(Drill::region, Drill::targetRegion)
                .containsExactly(1, 2);
        assertThatThrownBy(() -> failover.move("paris", "b")).isInstanceOf(FailoverRejected.UnknownUnitReference.class);
    }

    @Test
    void lostCasRacesAreRetriedAfterReRead() {
        homes.lostRacesToInject = 2;
        assertThat(failover.move("nyc", "b")).isPresent();
        assertThat(homeOf(1)).isEqualTo(2);
        homes.lostRacesToInject = 3;
        assertThatThrownBy(() -> failover.move("nyc", "c")).isInstanceOf(FailoverRejected.ConcurrentMove.class);
    }
}
