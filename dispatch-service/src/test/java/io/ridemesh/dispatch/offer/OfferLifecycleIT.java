package io.ridemesh.dispatch.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.application.WindowReport;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.offer.application.DriverLockGauges;
import io.ridemesh.dispatch.offer.application.OfferNotOpen;
import io.ridemesh.dispatch.offer.application.OfferVoid;
import io.ridemesh.dispatch.offer.application.OrderServiceUnavailable;
import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.support.DispatchFixture;
import io.ridemesh.dispatch.support.RedisBackedIT;
import io.ridemesh.dispatch.support.SupplyInvariants;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers end to end on a real redis-server: placement, timeout and decline re-dispatch, accept outcomes, give-up. */
class OfferLifecycleIT extends RedisBackedIT {

    static final GeoPoint PICKUP = new GeoPoint(40.7580, -73.9855); // Times Square
    static final GeoPoint NEAR = new GeoPoint(40.7590, -73.9845); // ~140 m away
    static final GeoPoint LESS_NEAR = new GeoPoint(40.7527, -73.9772); // Grand Central, ~1 km

    DispatchFixture f;

    @BeforeEach
    void clean() {
        f = new DispatchFixture(redis.template(), 3);
    }

    @Test
    void offersTheRideToTheNearestDriverAndLocksIt() {
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        assertThat(f.request(1, PICKUP)).isEqualTo(RegisterOutcome.REGISTERED);

        WindowReport r = f.matchWindow().run(f.nyc);

        assertThat(r.offered()).isEqualTo(1);
        Offer offer = f.offers.heldBy(new DriverId("near")).orElseThrow();
        assertThat(offer.rideId()).isEqualTo(1);
        assertThat(offer.status()).isEqualTo(OfferStatus.PENDING);
        assertThat(offer.expiresAt()).isEqualTo(f.clock.instant().plus(DispatchFixture.OFFER_TIMEOUT));
        assertThat(redis.template().opsForValue().get(RedisKeys.driverLock("near")))
                .isEqualTo(Long.toString(offer.offerId()));
        assertThat(redis.template().getExpire(RedisKeys.driverLock("near"))).isBetween(1L, 15L);
        assertThat(status("near")).isEqualTo(DriverStatus.OFFERED);
        assertThat(SupplyInvariants.counted(redis.template(), "nyc"))
                .as("offered drivers are not supply")
                .isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void aDriverOrderServiceAssignedIsNeverOfferedAnotherRideUntilTheRideEnds() {
        // e.g. the offer was swept while its accept was in flight, and order-service assigned the ride all the same
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        f.follow.assigned(7, new DriverId("near"));

        assertThat(status("near")).isEqualTo(DriverStatus.ON_TRIP);
        SupplyInvariants.check(redis.template(), "nyc");
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        assertThat(f.offers.heldBy(new DriverId("near"))).isEmpty();
        assertThat(f.offers.heldBy(new DriverId("less-near")).orElseThrow().rideId())
                .isEqualTo(1);

        f.follow.ended(7, f.nyc.id(), new DriverId("near"));
        f.online("near", NEAR);
        assertThat(status("near")).isEqualTo(DriverStatus.AVAILABLE);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void aDriverAssignedWhileHoldingAnOfferForAnotherRideGivesThatOfferBack() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer held = f.offers.heldBy(new DriverId("near")).orElseThrow();

        f.follow.assigned(9, new DriverId("near"));

        assertThat(status("near")).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(f.offers.find(held.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(redis.template().opsForZSet().score(RedisKeys.pending("nyc"), "1"))
                .as("ride 1 is back in the queue")
                .isNotNull();
        f.online("less-near", LESS_NEAR);
        f.matchWindow().run(f.nyc);
        assertThat(f.offers.heldBy(new DriverId("less-near")).orElseThrow().rideId())
                .isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void anAssignmentOfADriverDispatchAlreadyPutOnTheTripChangesNothing() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer held = f.offers.heldBy(new DriverId("near")).orElseThrow();
        f.accept.accept(held.offerId(), new DriverId("near"));

        f.follow.assigned(1, new DriverId("near"));

        assertThat(status("near")).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(f.offers.find(held.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.ACCEPTED);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void placingSeveralOffersInOneCallIsPlacingThemOneAfterTheOther() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.request(2, PICKUP);
        java.time.Instant now = f.clock.instant();
        java.util.function.BiFunction<Long, Long, Offer> offer = (offerId, rideId) -> new Offer(
                offerId,
                rideId,
                new DriverId("near"),
                "nyc",
                PICKUP,
                PICKUP,
                1,
                60,
                now,
                now.plus(DispatchFixture.OFFER_TIMEOUT),
                OfferStatus.PENDING);

        java.util.List<io.ridemesh.dispatch.offer.domain.PlaceOutcome> outcomes = f.offers.placeAll(
                java.util.List.of(offer.apply(101L, 1L), offer.apply(102L, 2L), offer.apply(103L, 3L)),
                DispatchFixture.OFFER_TIMEOUT,
                now.minus(DispatchFixture.STALE_AFTER));

        assertThat(outcomes)
                .as("the driver is locked by the first; ride 3 was never requested")
                .containsExactly(
                        io.ridemesh.dispatch.offer.domain.PlaceOutcome.PLACED,
                        io.ridemesh.dispatch.offer.domain.PlaceOutcome.DRIVER_LOCKED,
                        io.ridemesh.dispatch.offer.domain.PlaceOutcome.RIDE_NOT_PENDING);
        assertThat(f.offers.heldBy(new DriverId("near")).orElseThrow().rideId()).isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void reDispatchesToTheNextBestDriverWhenTheOfferTimesOut() {
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer first = f.offers.heldBy(new DriverId("near")).orElseThrow();

        f.clock.advance(Duration.ofSeconds(14));
        assertThat(f.expire.expireDue()).as("not due yet").isZero();
        f.clock.advance(Duration.ofSeconds(1));
        // the drivers keep reporting, so they are fresh
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        assertThat(f.expire.expireDue()).isEqualTo(1);

        assertThat(f.offers.find(first.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(status("near")).isEqualTo(DriverStatus.AVAILABLE);
        assertThat(redis.template().hasKey(RedisKeys.driverLock("near"))).isFalse();
        SupplyInvariants.check(redis.template(), "nyc");

        f.matchWindow().run(f.nyc);
        Offer second = f.offers.heldBy(new DriverId("less-near")).orElseThrow();
        assertThat(second.rideId()).isEqualTo(1);
        assertThat(f.offers.heldBy(new DriverId("near")))
                .as("never offered the same ride again")
                .isEmpty();
    }

    @Test
    void neverOffersARideToAStaleDriver() {
        f.online("near", NEAR);
        f.clock.advance(Duration.ofSeconds(31)); // "near" has sent nothing since
        f.online("less-near", LESS_NEAR);
        f.request(1, PICKUP);

        f.matchWindow().run(f.nyc);

        assertThat(f.offers.heldBy(new DriverId("near"))).isEmpty();
        assertThat(f.offers.heldBy(new DriverId("less-near")).orElseThrow().rideId())
                .isEqualTo(1);
    }

    @Test
    void reDispatchesToTheNextBestDriverOnDecline() {
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer first = f.offers.heldBy(new DriverId("near")).orElseThrow();

        assertThat(f.decline.decline(first.offerId(), new DriverId("near")).status())
                .isEqualTo(OfferStatus.DECLINED);
        assertThat(f.decline.decline(first.offerId(), new DriverId("near")).status())
                .as("idempotent")
                .isEqualTo(OfferStatus.DECLINED);
        f.matchWindow().run(f.nyc);

        assertThat(f.offers.heldBy(new DriverId("less-near")).orElseThrow().rideId())
                .isEqualTo(1);
        assertThat(status("near")).isEqualTo(DriverStatus.AVAILABLE);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void acceptAssignsTheRideAndPutsTheDriverOnTrip() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(new DriverId("near")).orElseThrow();

        assertThat(f.accept.accept(offer.offerId(), new DriverId("near")).status())
                .isEqualTo(OfferStatus.ACCEPTED);
        assertThat(f.accept.accept(offer.offerId(), new DriverId("near")).status())
                .as("a retried accept answers the same")
                .isEqualTo(OfferStatus.ACCEPTED);

        assertThat(f.orders.calls).containsExactly("assign 1 near");
        assertThat(status("near")).isEqualTo(DriverStatus.ON_TRIP);
        assertThat(redis.template().hasKey(RedisKeys.driverLock("near"))).isFalse();
        assertThat(f.offers.heldBy(new DriverId("near"))).isEmpty();
        assertThat(f.offers.due(f.clock.instant().plusSeconds(3600), 10)).isEmpty();
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void anOfferIsVoidWhenOrderServiceSaysTheRideIsGone() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(new DriverId("near")).orElseThrow();
        f.orders.assignAnswer = new AssignOutcome.RideUnavailable(409, "ride is CANCELLED");

        assertThatThrownBy(() -> f.accept.accept(offer.offerId(), new DriverId("near")))
                .isInstanceOf(OfferVoid.class);

        assertThat(f.offers.find(offer.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.VOID);
        assertThat(status("near")).isEqualTo(DriverStatus.AVAILABLE);
        assertThat(redis.template().hasKey(RedisKeys.rideRequest(1)))
                .as("the ride left dispatch")
                .isFalse();
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void anUnreachableOrderServiceLeavesTheOfferPendingForARetry() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(new DriverId("near")).orElseThrow();
        f.orders.assignAnswer = new AssignOutcome.Unreachable("circuit breaker order-service is open");

        assertThatThrownBy(() -> f.accept.accept(offer.offerId(), new DriverId("near")))
                .isInstanceOf(OrderServiceUnavailable.class);
        assertThat(f.offers.find(offer.offerId()).orElseThrow().status()).isEqualTo(OfferStatus.PENDING);

        f.orders.assignAnswer = new AssignOutcome.Done();
        assertThat(f.accept.accept(offer.offerId(), new DriverId("near")).status())
                .isEqualTo(OfferStatus.ACCEPTED);
    }

    @Test
    void aLateAcceptIsRefused() {
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        Offer offer = f.offers.heldBy(new DriverId("near")).orElseThrow();
        f.clock.advance(Duration.ofSeconds(16));

        assertThatThrownBy(() -> f.accept.accept(offer.offerId(), new DriverId("near")))
                .isInstanceOfSatisfying(
                        OfferNotOpen.class, e -> assertThat(e.status()).isEqualTo(OfferStatus.EXPIRED));
        assertThat(f.orders.calls).isEmpty();
    }

    @Test
    void goingOfflineDeclinesTheHeldOffer() {
        f.online("near", NEAR);
        f.online("less-near", LESS_NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);

        f.goOffline.offline(new DriverId("near"));

        assertThat(status("near")).isEqualTo(DriverStatus.OFFLINE);
        f.matchWindow().run(f.nyc);
        assertThat(f.offers.heldBy(new DriverId("less-near")).orElseThrow().rideId())
                .isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void reportsNoDriverOnceAfterTheWindowLimit() {
        f.request(1, PICKUP); // no driver anywhere
        for (int i = 0; i < 5; i++) {
            f.matchWindow().run(f.nyc);
        }
        assertThat(f.orders.calls).containsExactly("no-driver 1");
        assertThat(redis.template().hasKey(RedisKeys.rideRequest(1))).isFalse();
        assertThat(redis.template().opsForZSet().size(RedisKeys.pending("nyc"))).isZero();
    }

    @Test
    void ignoresARepeatedEvent() {
        assertThat(f.request(1, PICKUP)).isEqualTo(RegisterOutcome.REGISTERED);
        assertThat(f.request(1, PICKUP)).isEqualTo(RegisterOutcome.DUPLICATE_EVENT);
    }

    @Test
    void exportsLockHoldersAndAges() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new DriverLockGauges(f.offers, f.clock).bindTo(meters);
        f.online("near", NEAR);
        f.request(1, PICKUP);
        f.matchWindow().run(f.nyc);
        f.clock.advance(Duration.ofSeconds(5));

        assertThat(meters.get("dispatch.driver.locks.held").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("dispatch.driver.locks.oldest.age").gauge().value())
                .isEqualTo(5.0);
    }

    private DriverStatus status(String driver) {
        return f.supply.find(new DriverId(driver)).orElseThrow().status();
    }
}
