package io.ridemesh.dispatch.matching.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.application.WindowReport;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePool;
import io.ridemesh.dispatch.matching.pooling.domain.Stop;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.PoolTerms;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.support.DispatchFixture;
import io.ridemesh.dispatch.support.RedisBackedIT;
import io.ridemesh.dispatch.support.SupplyInvariants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pooling wired into matching, on a real redis-server: a shared trip starts when a driver accepts a POOL ride, a POOL
 * ride that fits is offered to that trip's on-trip driver before the ordinary assignment, one that would break a
 * rider's promise or the seats goes to an available driver instead, and the trip follows its riders to its end.
 *
 * <p>Geometry (ETA model 1.3 detour, 5 m/s: 1 km straight = 260 s; rules: wait 600 s, alpha 1.5, beta 420 s, absolute
 * 900 s, 30 s per stop): the shared trip's vehicle is at {@link #A} with rider 1 on board, bound 3 km north (direct
 * 780 s, so rider 1 may ride min(780 + 900, 1.5 x 780 + 420) = 1590 s).
 */
class PoolingIT extends RedisBackedIT {

    static final GeoPoint A = new GeoPoint(40.7400, -73.9900);
    static final DriverId POOL_DRIVER = new DriverId("pool-1");
    static final DriverId IDLE = new DriverId("idle");

    DispatchFixture f;

    @BeforeEach
    void clean() {
        f = new DispatchFixture(redis.template(), 30);
    }

    /** A point {@code north} and {@code east} metres from {@link #A}. */
    static GeoPoint at(double north, double east) {
        double metresPerDegree = GeoPoint.EARTH_RADIUS_METRES * Math.PI / 180;
        return new GeoPoint(
                A.lat() + north / metresPerDegree,
                A.lon() + east / (metresPerDegree * Math.cos(Math.toRadians(A.lat()))));
    }

    /**
     * Driver {@code pool-1} ({@code driverSeats}) accepts POOL ride 1 ({@code riderSeats}) from A to 3 km north, which
     * starts a shared trip, and rider 1 boards at A.
     */
    void sharedTripWithRiderOneOnBoard(int driverSeats, int riderSeats) {
        f.online(POOL_DRIVER.value(), A, driverSeats);
        f.requestPool(1, A, at(3000, 0), riderSeats);
        WindowReport first = f.matchWindow().run(f.nyc);
        assertThat(first.offered()).isEqualTo(1);
        assertThat(first.pooled()).as("no shared trip exists yet").isZero();
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();
        assertThat(offer.pool())
                .as("a POOL offer to an available driver starts a trip")
                .isNotNull();
        assertThat(offer.poolInsertion()).isFalse();
        f.accept.accept(offer.offerId(), POOL_DRIVER);
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(stops(POOL_DRIVER)).containsExactly("P1", "D1");
        f.follow.started(1, POOL_DRIVER, f.clock.instant());
        assertThat(stops(POOL_DRIVER)).containsExactly("D1");
        assertThat(f.pools.find(POOL_DRIVER).orElseThrow().trip().load()).isEqualTo(riderSeats);
    }

    @Test
    void offersAPoolRideAlongTheRouteToTheSharedTripsDriver() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.online(IDLE.value(), at(500, 80)); // an available driver right at the new pickup
        f.requestPool(2, at(500, 0), at(2000, 0), 1);

        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.pooled()).isEqualTo(1);
        assertThat(r.offered()).isEqualTo(1);
        assertThat(r.poolRejected()).isEmpty();
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();
        assertThat(offer.rideId()).isEqualTo(2);
        assertThat(offer.poolInsertion()).isTrue();
        assertThat(offer.pool().plan())
                .as("picked up and dropped off on the way, before rider 1 leaves")
                .containsExactly(
                        new PoolTerms.PlannedStop(2, true),
                        new PoolTerms.PlannedStop(2, false),
                        new PoolTerms.PlannedStop(1, false));
        assertThat(offer.pickupEtaSeconds()).isEqualTo(DispatchFixture.ETA.seconds(A, at(500, 0)));
        assertThat(status(POOL_DRIVER))
                .as("an on-trip driver stays on the trip")
                .isEqualTo(DriverStatus.ON_TRIP);
        assertThat(redis.template().opsForValue().get(RedisKeys.driverLock(POOL_DRIVER.value())))
                .as("the driver lock holds the on-trip driver too")
                .isEqualTo(Long.toString(offer.offerId()));
        assertThat(f.offers.heldBy(IDLE)).isEmpty();
        assertThat(status(IDLE)).isEqualTo(DriverStatus.AVAILABLE);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void acceptingAnInsertionExtendsTheTripWhichEndsWithItsLastRider() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();

        assertThat(f.accept.accept(offer.offerId(), POOL_DRIVER).status()).isEqualTo(OfferStatus.ACCEPTED);

        assertThat(f.orders.calls).containsExactly("assign 1 pool-1", "assign 2 pool-1");
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(redis.template().hasKey(RedisKeys.driverLock(POOL_DRIVER.value())))
                .isFalse();
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();
        assertThat(stops(POOL_DRIVER)).containsExactly("P2", "D2", "D1");
        ActivePool pool = f.pools.find(POOL_DRIVER).orElseThrow();
        assertThat(pool.trip().stops().get(0).rider().requestedAtSecond())
                .isEqualTo(f.clock.instant().getEpochSecond());
        assertThat(pool.trip().stops().get(0).rider().directRideSeconds())
                .isEqualTo(DispatchFixture.ETA.seconds(at(500, 0), at(2000, 0)));

        // the vehicle moves with the driver's fixes
        f.clock.advance(Duration.ofSeconds(5));
        f.locate(POOL_DRIVER.value(), at(500, 0));
        assertThat(f.pools.find(POOL_DRIVER).orElseThrow().trip().vehicleAt().haversineMetresTo(at(500, 0)))
                .isLessThan(1.0);

        f.follow.started(2, POOL_DRIVER, f.clock.instant());
        assertThat(stops(POOL_DRIVER)).containsExactly("D2", "D1");
        assertThat(f.pools.find(POOL_DRIVER).orElseThrow().trip().load()).isEqualTo(2);
        f.follow.ended(2, f.nyc.id(), POOL_DRIVER);
        assertThat(stops(POOL_DRIVER)).containsExactly("D1");
        assertThat(status(POOL_DRIVER)).as("rider 1 is still on board").isEqualTo(DriverStatus.ON_TRIP);
        f.follow.ended(2, f.nyc.id(), POOL_DRIVER);
        assertThat(stops(POOL_DRIVER)).as("a replayed event changes nothing").containsExactly("D1");

        f.follow.ended(1, f.nyc.id(), POOL_DRIVER);

        assertThat(f.pools.find(POOL_DRIVER)).isEmpty();
        assertThat(redis.template().opsForZSet().size(RedisKeys.poolGeo("nyc"))).isZero();
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.AVAILABLE);
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void aRideThatWouldBreakAnOnBoardRidersDetourLimitGoesToAnAvailableDriver() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.online(IDLE.value(), at(0, 150));
        // Pickup 100 m east of the vehicle, dropoff 4 km east. Dropping rider 2 first: rider 1 would ride about
        // 26 + 30 + 1014 + 30 + 1300 = 2400 s > 1590 s. Rider 1 first: rider 2 would wait 1591 s > 600 s, or (picked
        // up first, dropped last) ride 2141 s > min(1014 + 900, 1.5 x 1014 + 420) = 1914 s.
        f.requestPool(2, at(0, 100), at(0, 4000), 1);

        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.pooled()).isZero();
        assertThat(r.poolRejected())
                .as("the closest insertion breaks rider 1's ride-time promise")
                .isEqualTo(Map.of("ride-time", 1));
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();
        assertThat(redis.template().hasKey(RedisKeys.driverLock(POOL_DRIVER.value())))
                .isFalse();
        Offer offer = f.offers.heldBy(IDLE).orElseThrow();
        assertThat(offer.rideId()).isEqualTo(2);
        assertThat(offer.poolInsertion()).as("it starts a new shared trip").isFalse();
        assertThat(offer.pool()).isNotNull();
        assertThat(stops(POOL_DRIVER)).containsExactly("D1");
    }

    @Test
    void aFullVehicleGetsNoInsertion() {
        // The same ride as in offersAPoolRideAlongTheRouteToTheSharedTripsDriver, but rider 1 fills both seats:
        // picking rider 2 up before rider 1 leaves needs a third seat, and after it a wait of over 600 s.
        sharedTripWithRiderOneOnBoard(2, 2);
        f.online(IDLE.value(), at(500, 80));
        f.requestPool(2, at(500, 0), at(2000, 0), 1);

        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.pooled()).isZero();
        assertThat(r.poolRejected().values()).containsExactly(1);
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();
        assertThat(f.offers.heldBy(IDLE).orElseThrow().rideId()).isEqualTo(2);
    }

    @Test
    void anExpiredInsertionLeavesTheTripAloneAndTheRideGoesToTheNextDriver() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();

        f.clock.advance(DispatchFixture.OFFER_TIMEOUT);
        f.locate(POOL_DRIVER.value(), A);
        assertThat(f.expire.expireDue()).isEqualTo(1);

        assertThat(f.offers.find(offer.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(stops(POOL_DRIVER)).containsExactly("D1");
        assertThat(redis.template().hasKey(RedisKeys.driverLock(POOL_DRIVER.value())))
                .isFalse();

        f.online(IDLE.value(), at(500, 80));
        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.pooled()).as("the driver who let it expire is excluded").isZero();
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();
        assertThat(f.offers.heldBy(IDLE).orElseThrow().rideId()).isEqualTo(2);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void theLastRiderLeavingDuringAnOpenInsertionOfferEndsTheTripWhenTheOfferIsDeclined() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();

        f.follow.ended(1, f.nyc.id(), POOL_DRIVER);
        assertThat(stops(POOL_DRIVER)).isEmpty();
        assertThat(status(POOL_DRIVER))
                .as("the open offer may still add a rider")
                .isEqualTo(DriverStatus.ON_TRIP);

        f.decline.decline(offer.offerId(), POOL_DRIVER);

        assertThat(f.pools.find(POOL_DRIVER)).isEmpty();
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.AVAILABLE);
        SupplyInvariants.check(redis.template(), "nyc");
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isEqualTo(1);
    }

    @Test
    void stopsDoneBeforeTheAcceptanceAreDroppedFromThePlan() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(POOL_DRIVER).orElseThrow();
        f.follow.ended(1, f.nyc.id(), POOL_DRIVER);

        f.accept.accept(offer.offerId(), POOL_DRIVER);

        assertThat(stops(POOL_DRIVER)).containsExactly("P2", "D2");
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.ON_TRIP);
    }

    @Test
    void aReleasedPoolRideLeavesTheTripAndIsQueuedAgain() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        f.matchWindow().run(f.nyc);
        f.accept.accept(f.offers.heldBy(POOL_DRIVER).orElseThrow().offerId(), POOL_DRIVER);

        f.follow.released(2, f.nyc.id(), POOL_DRIVER);

        assertThat(stops(POOL_DRIVER)).containsExactly("D1");
        assertThat(status(POOL_DRIVER)).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(redis.template().opsForZSet().score(RedisKeys.pending("nyc"), "2"))
                .isNotNull();
    }

    @Test
    void anInsertionPlannedOnAnOlderVersionOfTheTripIsNotPlaced() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.requestPool(2, at(500, 0), at(2000, 0), 1);
        long version = f.pools.find(POOL_DRIVER).orElseThrow().version();
        assertThat(version).as("one rider joined").isEqualTo(1);
        List<PoolTerms.PlannedStop> plan = List.of(
                new PoolTerms.PlannedStop(2, true),
                new PoolTerms.PlannedStop(2, false),
                new PoolTerms.PlannedStop(1, false));
        java.time.Instant now = f.clock.instant();
        java.util.function.LongFunction<Offer> insertion = v -> new Offer(
                f.ids.nextId(f.nyc.id()),
                2,
                POOL_DRIVER,
                "nyc",
                at(500, 0),
                at(2000, 0),
                1,
                130,
                now,
                now.plus(DispatchFixture.OFFER_TIMEOUT),
                OfferStatus.PENDING,
                new PoolTerms(now, 390, plan, v));
        java.time.Instant seenSince = now.minus(DispatchFixture.STALE_AFTER);

        assertThat(f.offers.place(insertion.apply(version - 1), DispatchFixture.OFFER_TIMEOUT, seenSince))
                .isEqualTo(io.ridemesh.dispatch.offer.domain.PlaceOutcome.TRIP_CHANGED);
        assertThat(redis.template().hasKey(RedisKeys.driverLock(POOL_DRIVER.value())))
                .isFalse();
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();

        assertThat(f.offers.place(insertion.apply(version), DispatchFixture.OFFER_TIMEOUT, seenSince))
                .isEqualTo(io.ridemesh.dispatch.offer.domain.PlaceOutcome.PLACED);
        assertThat(f.offers.heldBy(POOL_DRIVER).orElseThrow().pool()).isEqualTo(new PoolTerms(now, 390, plan, version));
    }

    @Test
    void soloRidesAreNeverOfferedToASharedTrip() {
        sharedTripWithRiderOneOnBoard(4, 1);
        f.request(2, at(500, 0));

        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.pooled()).isZero();
        assertThat(r.offered()).isZero();
        assertThat(f.offers.heldBy(POOL_DRIVER)).isEmpty();
    }

    private DriverStatus status(DriverId driver) {
        return f.supply.find(driver).orElseThrow().status();
    }

    /** The driver's remaining stops as {@code P1}, {@code D1}, ... (empty without a trip). */
    private List<String> stops(DriverId driver) {
        return f.pools
                .find(driver)
                .map(p -> p.trip().stops().stream()
                        .map(s -> (s instanceof Stop.Pickup ? "P" : "D")
                                + s.rider().riderId())
                        .toList())
                .orElse(List.of());
    }
}
