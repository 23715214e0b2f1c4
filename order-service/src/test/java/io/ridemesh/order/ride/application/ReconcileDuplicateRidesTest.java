package io.ridemesh.order.ride.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideCancelled;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.support.InMemoryRides;
import io.ridemesh.order.support.RideFixture;
import io.ridemesh.order.unit.domain.UnitHomes;
import io.ridemesh.testsupport.MutableClock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** {@link ReconcileDuplicateRides}: withdraws duplicates in the unit's home region only, through the CAS. */
class ReconcileDuplicateRidesTest {

    private static final int HERE = 1;
    private static final int NYC = 1;

    private final InMemoryRides rides = new InMemoryRides();
    private final RideChanges changes = new RideChanges(rides, rides, TransactionOperations.withoutTransaction());
    private final Map<Integer, Integer> homes = new HashMap<>(Map.of(NYC, HERE));
    private final MutableClock clock = new MutableClock(RideFixture.T0.plusSeconds(600));
    private final ReconcileDuplicateRides reconcile =
            new ReconcileDuplicateRides(rides, changes, () -> Map.copyOf(homes), HERE, clock);

    /** Stores a ride as apply would: no uniqueness check on (rider, key), as created in another region. */
    private Ride stored(RideStatus status, IdempotencyKey key) {
        return rides.overwrite(RideFixture.inStatus(status, key));
    }

    @Test
    void withdrawsTheLaterOfTwoWaitingRidesAndEmitsItsCancellation() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        Ride first = stored(RideStatus.REQUESTED, key);
        Ride second = stored(RideStatus.REQUESTED, key);

        ReconcileDuplicateRides.Pass pass = reconcile.runOnce(100);

        assertThat(pass.groups()).isEqualTo(1);
        assertThat(pass.withdrawn()).extracting(Ride::id).containsExactly(second.id());
        assertThat(rides.find(second.id()).orElseThrow().status()).isEqualTo(RideStatus.CANCELLED_AS_DUPLICATE);
        assertThat(rides.find(second.id()).orElseThrow().cancellationFeeCents()).isZero();
        assertThat(rides.find(second.id()).orElseThrow().revision().version())
                .as("a versioned write, replicated like any other")
                .isEqualTo(second.revision().version() + 1);
        assertThat(rides.find(first.id())).contains(first);
        assertThat(rides.events()).singleElement().isInstanceOfSatisfying(RideCancelled.class, e -> assertThat(
                        e.rideId())
                .isEqualTo(second.id()));
    }

    @Test
    void keepsTheRideADriverIsOnAndReleasesNothingElse() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        Ride waiting = stored(RideStatus.REQUESTED, key);
        Ride assigned = stored(RideStatus.DRIVER_ASSIGNED, key);
        Ride unrelated = stored(RideStatus.REQUESTED, new IdempotencyKey("k-" + UUID.randomUUID()));

        reconcile.runOnce(100);

        assertThat(rides.find(assigned.id())).contains(assigned);
        assertThat(rides.find(waiting.id()).orElseThrow().status()).isEqualTo(RideStatus.CANCELLED_AS_DUPLICATE);
        assertThat(rides.find(unrelated.id())).contains(unrelated);
    }

    @Test
    void leavesDuplicatesOfAUnitHomedElsewhereToThatRegion() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        Ride first = stored(RideStatus.REQUESTED, key);
        Ride second = stored(RideStatus.REQUESTED, key);
        homes.put(NYC, 2);

        ReconcileDuplicateRides.Pass pass = reconcile.runOnce(100);

        assertThat(pass.elsewhere()).isEqualTo(1);
        assertThat(pass.withdrawn()).isEmpty();
        assertThat(rides.find(first.id())).contains(first);
        assertThat(rides.find(second.id())).contains(second);
    }

    @Test
    void aSecondPassWithdrawsNothingMore() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        stored(RideStatus.REQUESTED, key);
        stored(RideStatus.DRIVER_ARRIVED, key);
        stored(RideStatus.REQUESTED, key);

        assertThat(reconcile.runOnce(100).withdrawn()).hasSize(2);
        ReconcileDuplicateRides.Pass again = reconcile.runOnce(100);

        assertThat(again.groups())
                .as("the survivor is still open and has twins")
                .isEqualTo(1);
        assertThat(again.withdrawn()).isEmpty();
        assertThat(rides.events()).hasSize(2);
    }

    @Test
    void aRideThatMovedOnSinceTheReadIsRetriedNextPassNotOverwritten() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        stored(RideStatus.DRIVER_ASSIGNED, key);
        Ride later = stored(RideStatus.REQUESTED, key);
        // a concurrent writer advances the duplicate between the reconciler's read and its CAS
        Rides racing = new RacingRides(rides, later);
        ReconcileDuplicateRides raced = new ReconcileDuplicateRides(
                racing,
                new RideChanges(racing, rides, TransactionOperations.withoutTransaction()),
                () -> homes,
                HERE,
                clock);

        ReconcileDuplicateRides.Pass pass = raced.runOnce(100);

        assertThat(pass.contended()).isEqualTo(1);
        assertThat(pass.withdrawn()).isEmpty();
        assertThat(rides.find(later.id()).orElseThrow().revision().version())
                .isEqualTo(later.revision().version() + 1);
    }

    @Test
    void anUnreadableRoutingTableWithdrawsNothing() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        Ride first = stored(RideStatus.REQUESTED, key);
        Ride second = stored(RideStatus.REQUESTED, key);
        ReconcileDuplicateRides blind = new ReconcileDuplicateRides(
                rides,
                changes,
                () -> {
                    throw new UnitHomes.UnitHomesUnavailable("no grant", new IllegalStateException());
                },
                HERE,
                clock);

        assertThatThrownBy(() -> blind.runOnce(100)).isInstanceOf(UnitHomes.UnitHomesUnavailable.class);
        assertThat(rides.find(first.id())).contains(first);
        assertThat(rides.find(second.id())).contains(second);
    }

    /** Answers the reconciler's reads, but bumps {@code target}'s version right before its CAS reads it. */
    private static final class RacingRides implements Rides {
        private final InMemoryRides delegate;
        private final Ride target;
        private boolean raced;

        RacingRides(InMemoryRides delegate, Ride target) {
            this.delegate = delegate;
            this.target = target;
        }

        @Override
        public java.util.Optional<Ride> find(io.ridemesh.order.ride.domain.RideId id) {
            java.util.Optional<Ride> read = delegate.find(id);
            if (id.equals(target.id()) && !raced) {
                raced = true;
                delegate.update(read.orElseThrow()); // someone else's write lands after our read
            }
            return read;
        }

        @Override
        public java.util.Optional<Ride> findByIdempotencyKey(
                io.ridemesh.order.ride.domain.RiderId riderId, IdempotencyKey key) {
            return delegate.findByIdempotencyKey(riderId, key);
        }

        @Override
        public java.util.List<Ride> findAllByIdempotencyKey(
                io.ridemesh.order.ride.domain.RiderId riderId, IdempotencyKey key) {
            return delegate.findAllByIdempotencyKey(riderId, key);
        }

        @Override
        public boolean quoteUsed(String quoteId) {
            return delegate.quoteUsed(quoteId);
        }

        @Override
        public java.util.List<Ride> findOpenWithDuplicates(int limit) {
            return delegate.findOpenWithDuplicates(limit);
        }

        @Override
        public java.util.List<Ride> list(Filter filter, int limit) {
            return delegate.list(filter, limit);
        }

        @Override
        public java.util.List<Ride> waiting(
                int unitId, java.time.Instant requestedFrom, java.time.Instant requestedBefore, int limit) {
            return delegate.waiting(unitId, requestedFrom, requestedBefore, limit);
        }

        @Override
        public Ride insert(Ride ride) {
            return delegate.insert(ride);
        }

        @Override
        public Ride update(Ride changed) {
            return delegate.update(changed);
        }
    }
}
