package io.ridemesh.dispatch.matching.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.domain.MissOutcome;
import io.ridemesh.dispatch.matching.domain.PendingRide;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Takeover of a unit's waiting rides when the replicated routing table moves the unit to this region (region 2). */
class FollowUnitHomesTest {

    static final int SELF = 2;
    static final int NYC = 1;
    static final int CHICAGO = 2;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final Map<Integer, Integer> homes = new HashMap<>(Map.of(NYC, 1, CHICAGO, 2));
    final List<RideRequest> requestedInDb = new ArrayList<>();
    final FakePendingRides pending = new FakePendingRides();
    boolean routingDown;

    final FollowUnitHomes follow = new FollowUnitHomes(
            () -> {
                if (routingDown) {
                    throw new TakeoverSourceUnavailable("down", new RuntimeException());
                }
                return Map.copyOf(homes);
            },
            (unit, from, before, limit) -> requestedInDb.stream()
                    .filter(r -> r.unitId() == unit)
                    .filter(r ->
                            !r.requestedAt().isBefore(from) && r.requestedAt().isBefore(before))
                    .limit(limit)
                    .toList(),
            pending,
            UnitMap.standard(),
            SELF,
            new TakeoverSettings(
                    Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMinutes(10), 100, Duration.ofHours(2)),
            clock);

    @Test
    void everyUnitIsDispatchedUntilTheRoutingTableWasRead() {
        assertThat(follow.dispatchesUnit(NYC)).isTrue();
        assertThat(follow.dispatchesUnit(CHICAGO)).isTrue();
        follow.refresh();
        assertThat(follow.dispatchesUnit(NYC)).isFalse();
        assertThat(follow.dispatchesUnit(CHICAGO)).isTrue();
    }

    @Test
    void aUnitMovedHereHasItsWaitingRidesQueuedOnce() {
        follow.refresh();
        requestedInDb.add(ride(101, NYC, clock.instant().minusSeconds(60)));
        requestedInDb.add(ride(102, NYC, clock.instant().minusSeconds(30)));
        requestedInDb.add(ride(201, CHICAGO, clock.instant().minusSeconds(60)));
        clock.advance(Duration.ofMillis(500));

        homes.put(NYC, SELF); // evacuation of region 1
        FollowUnitHomes.Report r = follow.refresh();

        assertThat(r.gained()).containsExactly(NYC);
        assertThat(r.adopted()).isEqualTo(2);
        assertThat(pending.queued("nyc")).containsExactly(101L, 102L);
        assertThat(follow.dispatchesUnit(NYC)).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(follow.refresh().adopted()).as("no second registration").isZero();
    }

    @Test
    void ridesYoungerThanTheGraceOrOlderThanTheHorizonAreLeftAlone() {
        follow.refresh();
        requestedInDb.add(ride(101, NYC, clock.instant().minusSeconds(1)));
        requestedInDb.add(ride(102, NYC, clock.instant().minus(Duration.ofMinutes(11))));
        homes.put(NYC, SELF);
        clock.advance(Duration.ofMillis(500));
        assertThat(follow.refresh().adopted()).isZero();

        clock.advance(Duration.ofSeconds(5)); // the sweep catches the young ride once it is past the grace
        assertThat(follow.refresh().adopted()).isEqualTo(1);
        assertThat(pending.queued("nyc")).containsExactly(101L);
    }

    @Test
    void aUnitMovedAwayLeavesItsQueuedRidesToTheNewHomeWithoutReportingNoDriver() {
        follow.refresh();
        pending.register(
                "e1", "chicago", ride(201, CHICAGO, clock.instant()), Duration.ofHours(1), Duration.ofHours(1));

        homes.put(CHICAGO, 1); // evacuation of this region
        FollowUnitHomes.Report r = follow.refresh();

        assertThat(r.lost()).containsExactly(CHICAGO);
        assertThat(r.released()).isEqualTo(1);
        assertThat(pending.queued("chicago")).isEmpty();
        assertThat(follow.dispatchesUnit(CHICAGO)).isFalse();
    }

    @Test
    void theSweepRecoversRidesMissingFromTheQueuesOfAUnitHomedHere() {
        follow.refresh();
        requestedInDb.add(ride(201, CHICAGO, clock.instant().minusSeconds(20))); // e.g. Redis was lost
        clock.advance(Duration.ofSeconds(1));
        assertThat(follow.refresh().adopted()).as("before the sweep interval").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(follow.refresh().adopted()).isEqualTo(1);
    }

    @Test
    void anUnreadableRoutingTableChangesNothing() {
        follow.refresh();
        routingDown = true;
        homes.put(NYC, SELF);
        assertThatThrownBy(follow::refresh).isInstanceOf(TakeoverSourceUnavailable.class);
        assertThat(follow.dispatchesUnit(NYC)).isFalse();
        routingDown = false;
        assertThat(follow.refresh().gained()).containsExactly(NYC);
    }

    static RideRequest ride(long id, int unit, Instant at) {
        GeoPoint p = unit == NYC ? new GeoPoint(40.75, -73.98) : new GeoPoint(41.88, -87.63);
        return new RideRequest(id, unit, p, p, Product.SOLO, 1, at);
    }

    /** The register semantics of the Redis script: once per event id, once per ride. */
    static final class FakePendingRides implements PendingRides {
        final Set<String> events = new java.util.HashSet<>();
        final Map<String, Map<Long, RideRequest>> byUnit = new LinkedHashMap<>();

        List<Long> queued(String unit) {
            return new ArrayList<>(byUnit.getOrDefault(unit, Map.of()).keySet());
        }

        @Override
        public RegisterOutcome register(
                String eventId, String unitCode, RideRequest request, Duration eventTtl, Duration requestTtl) {
            if (!events.add(eventId)) {
                return RegisterOutcome.DUPLICATE_EVENT;
            }
            Map<Long, RideRequest> q = byUnit.computeIfAbsent(unitCode, u -> new LinkedHashMap<>());
            return q.putIfAbsent(request.rideId(), request) == null
                    ? RegisterOutcome.REGISTERED
                    : RegisterOutcome.KNOWN_RIDE;
        }

        @Override
        public List<PendingRide> oldest(String unitCode, int limit) {
            return byUnit.getOrDefault(unitCode, Map.of()).values().stream()
                    .limit(limit)
                    .map(r -> new PendingRide(r, 0, Set.of()))
                    .toList();
        }

        @Override
        public MissOutcome missedWindow(long rideId, String unitCode, int maxWindows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean requeue(long rideId, String unitCode, Optional<DriverId> exclude, boolean resetWindows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void withdraw(long rideId, String unitCode) {
            byUnit.getOrDefault(unitCode, new HashMap<>()).remove(rideId);
        }
    }
}
