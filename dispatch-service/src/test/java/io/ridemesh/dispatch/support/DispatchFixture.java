package io.ridemesh.dispatch.support;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.application.FollowRides;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.matching.application.MatchingSettings;
import io.ridemesh.dispatch.matching.application.RegisterRideRequest;
import io.ridemesh.dispatch.matching.domain.AssignmentSolver;
import io.ridemesh.dispatch.matching.domain.EtaModel;
import io.ridemesh.dispatch.matching.domain.GreedyNearestFirst;
import io.ridemesh.dispatch.matching.domain.Matcher;
import io.ridemesh.dispatch.matching.domain.OrToolsAssignment;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.persistence.RedisPendingRides;
import io.ridemesh.dispatch.matching.pooling.application.PoolInsertions;
import io.ridemesh.dispatch.matching.pooling.application.PoolingSettings;
import io.ridemesh.dispatch.matching.pooling.domain.PoolAssigner;
import io.ridemesh.dispatch.matching.pooling.domain.PoolingInsertion;
import io.ridemesh.dispatch.matching.pooling.domain.PoolingRules;
import io.ridemesh.dispatch.matching.pooling.persistence.RedisActivePools;
import io.ridemesh.dispatch.offer.application.AcceptOffer;
import io.ridemesh.dispatch.offer.application.DeclineOffer;
import io.ridemesh.dispatch.offer.application.ExpireOffers;
import io.ridemesh.dispatch.offer.application.OfferSettings;
import io.ridemesh.dispatch.offer.persistence.RedisOffers;
import io.ridemesh.dispatch.supply.application.DriverPlacements;
import io.ridemesh.dispatch.supply.application.GoOffline;
import io.ridemesh.dispatch.supply.application.GoOnline;
import io.ridemesh.dispatch.supply.application.RecordLocations;
import io.ridemesh.dispatch.supply.application.SupplySettings;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import io.ridemesh.dispatch.supply.persistence.RedisDriverSupply;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The dispatch use cases over real Redis adapters, a test clock and an in-memory order-service: an object mother
 * for the {@code *IT} tests. Settings are the production defaults except where a test says otherwise.
 */
public final class DispatchFixture {

    public static final Duration OFFER_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration STALE_AFTER = Duration.ofSeconds(30);
    /** The ETA model of matching and pooling: detour factor 1.3, 5 m/s (1 km straight line = 260 s). */
    public static final EtaModel ETA = new EtaModel(1.3, 5.0);
    /** The production defaults of {@code dispatch.pooling.*}: 10 min wait, alpha 1.5, beta 7 min, 15 min, 30 s. */
    public static final PoolingRules POOLING_RULES = new PoolingRules(
            Duration.ofMinutes(10), 1.5, Duration.ofMinutes(7), Duration.ofMinutes(15), Duration.ofSeconds(30));

    public final MutableClock clock = MutableClock.at("2026-03-02T18:00:00Z");
    public final UnitMap units = UnitMap.standard();
    public final UnitDefinition nyc = units.byCode("nyc").orElseThrow();
    public final FakeRideAssignments orders = new FakeRideAssignments();
    public final StringRedisTemplate redis;
    public final RedisDriverSupply supply;
    public final RedisOffers offers;
    public final RedisPendingRides pending;
    public final RedisActivePools pools;
    public final FollowRides follow;
    public final RecordLocations locations;
    public final GoOnline goOnline;
    public final GoOffline goOffline;
    public final AcceptOffer accept;
    public final DeclineOffer decline;
    public final ExpireOffers expire;
    public final RegisterRideRequest register;
    public final MatchingSettings matchingSettings;
    public final GlobalIdGenerator ids;
    private final Matcher matcher;

    public DispatchFixture(StringRedisTemplate redis, int maxWindows) {
        this.redis = redis;
        SupplySettings supplySettings =
                new SupplySettings(8, STALE_AFTER, Duration.ofMinutes(10), Duration.ofSeconds(10), 500);
        this.supply = new RedisDriverSupply(redis);
        this.offers = new RedisOffers(redis, Duration.ofHours(1));
        this.pending = new RedisPendingRides(redis);
        this.pools = new RedisActivePools(redis);
        DriverPlacements placements = new DriverPlacements(units, H3CellIndex.load(), 8);
        this.locations = new RecordLocations(supply, placements, supplySettings, clock);
        OfferSettings offerSettings = new OfferSettings(Duration.ofSeconds(30), STALE_AFTER);
        this.decline = new DeclineOffer(offers, offerSettings, clock);
        this.goOnline = new GoOnline(supply, placements, supplySettings, clock);
        this.goOffline = new GoOffline(supply, decline, supplySettings);
        this.accept = new AcceptOffer(offers, orders, offerSettings, clock);
        this.expire = new ExpireOffers(offers, offerSettings, clock);
        this.matchingSettings = new MatchingSettings(
                5000,
                10,
                200,
                maxWindows,
                OFFER_TIMEOUT,
                STALE_AFTER,
                Duration.ofHours(2),
                Duration.ofDays(7),
                Duration.ofMinutes(10));
        this.register = new RegisterRideRequest(pending, units, matchingSettings, clock);
        this.follow = new FollowRides(
                pending, supply, pools, units, matchingSettings, decline, supplySettings.stateTtl(), clock);
        this.ids = GlobalIdGenerator.create(1, 0, clock);
        AssignmentSolver solver =
                OrToolsAssignment.load().map(s -> (AssignmentSolver) s).orElseGet(GreedyNearestFirst::new);
        this.matcher = new Matcher(ETA, solver, Duration.ofMinutes(15));
    }

    /** A matcher as one dispatch-service process would run it (pooling on); several may share the Redis. */
    public MatchWindow matchWindow(StringRedisTemplate connection) {
        return new MatchWindow(
                new RedisPendingRides(connection),
                new RedisDriverSupply(connection),
                new RedisOffers(connection, Duration.ofHours(1)),
                orders,
                matcher,
                ids,
                matchingSettings,
                clock,
                new PoolInsertions(
                        new RedisActivePools(connection),
                        new PoolAssigner(new PoolingInsertion(ETA::seconds, POOLING_RULES)),
                        ETA::seconds,
                        new PoolingSettings(true, 5000, 10)));
    }

    public MatchWindow matchWindow() {
        return matchWindow(redis);
    }

    public RegisterOutcome request(long rideId, GeoPoint pickup) {
        RideRequest r = new RideRequest(
                rideId, nyc.id(), pickup, new GeoPoint(40.7061, -74.0087), Product.SOLO, 1, clock.instant());
        return register.submit("event-" + rideId, r, clock.instant());
    }

    /** A shared ride requested now. */
    public RegisterOutcome requestPool(long rideId, GeoPoint pickup, GeoPoint dropoff, int seats) {
        RideRequest r = new RideRequest(rideId, nyc.id(), pickup, dropoff, Product.POOL, seats, clock.instant());
        return register.submit("event-" + rideId, r, clock.instant());
    }

    public void online(String driver, GeoPoint at) {
        online(driver, at, 4);
    }

    public void online(String driver, GeoPoint at, int seats) {
        goOnline.online(new DriverId(driver), seats, at);
    }

    /** A location fix of the driver, measured now. */
    public void locate(String driver, GeoPoint at) {
        locations.record(new DriverId(driver), new LocationFix(at, clock.instant()));
    }
}
