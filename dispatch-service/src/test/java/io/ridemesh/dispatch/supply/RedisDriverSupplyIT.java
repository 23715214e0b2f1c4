package io.ridemesh.dispatch.supply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.supply.application.DriverPlacements;
import io.ridemesh.dispatch.supply.application.SupplySettings;
import io.ridemesh.dispatch.supply.application.SweepStaleDrivers;
import io.ridemesh.dispatch.supply.domain.AvailableDriver;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import io.ridemesh.dispatch.supply.domain.LocationOutcome;
import io.ridemesh.dispatch.supply.domain.OfflineOutcome;
import io.ridemesh.dispatch.supply.persistence.RedisDriverSupply;
import io.ridemesh.dispatch.support.RedisBackedIT;
import io.ridemesh.dispatch.support.SupplyInvariants;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supply index against a real redis-server: exact cell counts, staleness, the sweep. */
class RedisDriverSupplyIT extends RedisBackedIT {

    static final Duration TTL = Duration.ofMinutes(10);
    static final GeoPoint TIMES_SQUARE = new GeoPoint(40.7580, -73.9855);
    static final GeoPoint GRAND_CENTRAL = new GeoPoint(40.7527, -73.9772);
    static final GeoPoint WALL_STREET = new GeoPoint(40.7061, -74.0087);
    static final GeoPoint LONDON = new GeoPoint(51.5, -0.12);

    static UnitMap units = UnitMap.standard();
    static DriverPlacements placements = new DriverPlacements(units, H3CellIndex.load(), 8);
    static UnitDefinition nyc = units.byCode("nyc").orElseThrow();

    MutableClock clock = MutableClock.at("2026-03-02T18:00:00Z");
    RedisDriverSupply supply;

    @BeforeEach
    void clean() {
        supply = new RedisDriverSupply(redis.template());
    }

    @Test
    void countsAnAvailableDriverInTheCellPricingReads() {
        assertThat(supply.goOnline(id("d1"), 3, place(TIMES_SQUARE), TTL)).isEqualTo(DriverStatus.AVAILABLE);
        String cell = placements.place(fix(TIMES_SQUARE)).cell();
        assertThat(redis.template().opsForHash().get("supply:nyc:cells", cell)).isEqualTo("1");
        assertThat(redis.template().opsForHash().entries("driver:d1"))
                .containsEntry("status", "available")
                .containsEntry("seats", "3")
                .containsEntry("unit", "nyc")
                .containsEntry("cell", cell)
                .containsEntry("seen", Long.toString(clock.millis()));
        assertThat(redis.template().getExpire("driver:d1")).isPositive();
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void movesTheCountWhenADriverCrossesIntoAnotherCell() {
        supply.goOnline(id("d1"), 1, place(TIMES_SQUARE), TTL);
        supply.goOnline(id("d2"), 1, place(TIMES_SQUARE), TTL);
        String from = placements.place(fix(TIMES_SQUARE)).cell();
        String to = placements.place(fix(WALL_STREET)).cell();
        assertThat(from).isNotEqualTo(to);
        clock.advance(Duration.ofSeconds(5));
        assertThat(supply.locate(id("d1"), place(WALL_STREET), TTL)).isEqualTo(LocationOutcome.UPDATED);
        assertThat(redis.template().opsForHash().entries("supply:nyc:cells"))
                .containsEntry(from, "1")
                .containsEntry(to, "1");
        supply.locate(id("d2"), place(WALL_STREET), TTL);
        assertThat(redis.template().opsForHash().entries("supply:nyc:cells"))
                .doesNotContainKey(from)
                .containsEntry(to, "2");
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void dropsTheCountWhenADriverGoesOfflineOrLeavesTheArea() {
        supply.goOnline(id("d1"), 1, place(TIMES_SQUARE), TTL);
        supply.goOnline(id("d2"), 1, place(TIMES_SQUARE), TTL);
        assertThat(supply.goOffline(id("d1"), TTL)).isEqualTo(OfflineOutcome.WENT_OFFLINE);
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isEqualTo(1);
        supply.locate(id("d2"), place(LONDON), TTL);
        assertThat(redis.template().hasKey("supply:nyc:cells")).isFalse();
        assertThat(supply.locate(id("d1"), place(GRAND_CENTRAL), TTL)).isEqualTo(LocationOutcome.NOT_ONLINE);
        SupplyInvariants.check(redis.template(), "nyc");
        // back in the area: counted again
        supply.locate(id("d2"), place(GRAND_CENTRAL), TTL);
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void ignoresAFixOlderThanTheLastOne() {
        supply.goOnline(id("d1"), 1, place(TIMES_SQUARE), TTL);
        Instant earlier = clock.instant().minusSeconds(10);
        assertThat(supply.locate(id("d1"), placements.place(new LocationFix(WALL_STREET, earlier)), TTL))
                .isEqualTo(LocationOutcome.OUT_OF_ORDER);
        assertThat(supply.find(id("d1")).orElseThrow().location()).isEqualTo(TIMES_SQUARE);
    }

    @Test
    void leavesStaleDriversOutOfTheSearchAndSweepsThem() {
        supply.goOnline(id("stale"), 1, place(TIMES_SQUARE), TTL);
        clock.advance(Duration.ofSeconds(31));
        supply.goOnline(id("fresh"), 1, place(GRAND_CENTRAL), TTL);
        Instant seenSince = clock.instant().minusSeconds(30);

        List<AvailableDriver> found = supply.nearby(nyc, TIMES_SQUARE, 5_000, 10, seenSince);
        assertThat(found).extracting(d -> d.id().value()).containsExactly("fresh");
        assertThat(SupplyInvariants.counted(redis.template(), "nyc"))
                .as("counted until swept")
                .isEqualTo(2);

        SupplySettings settings = new SupplySettings(8, Duration.ofSeconds(30), TTL, Duration.ofSeconds(10), 500);
        assertThat(new SweepStaleDrivers(supply, units, settings, clock).sweep())
                .isEqualTo(1);
        assertThat(redis.template().opsForZSet().score(RedisKeys.supplyGeo("nyc"), "stale"))
                .isNull();
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isEqualTo(1);
        SupplyInvariants.check(redis.template(), "nyc");

        // its next fix brings it back
        supply.locate(id("stale"), place(TIMES_SQUARE), TTL);
        assertThat(supply.nearby(nyc, TIMES_SQUARE, 5_000, 10, clock.instant().minusSeconds(30)))
                .extracting(d -> d.id().value())
                .containsExactly("stale", "fresh");
        SupplyInvariants.check(redis.template(), "nyc");
    }

    @Test
    void aHeartbeatKeepsAParkedDriverMatchableAndBringsASweptOneBack() {
        supply.goOnline(id("parked"), 1, place(TIMES_SQUARE), TTL);
        supply.goOnline(id("swept"), 1, place(GRAND_CENTRAL), TTL);
        clock.advance(Duration.ofSeconds(31));
        SupplySettings settings = new SupplySettings(8, Duration.ofSeconds(30), TTL, Duration.ofSeconds(10), 500);
        assertThat(supply.heartbeat(id("parked"), clock.instant(), TTL)).isTrue();
        assertThat(new SweepStaleDrivers(supply, units, settings, clock).sweep())
                .as("only the driver without a heartbeat is stale")
                .isEqualTo(1);
        Instant seenSince = clock.instant().minusSeconds(30);
        assertThat(supply.nearby(nyc, TIMES_SQUARE, 5_000, 10, seenSince))
                .extracting(d -> d.id().value())
                .containsExactly("parked");

        assertThat(supply.heartbeat(id("swept"), clock.instant(), TTL)).isTrue();

        assertThat(supply.nearby(nyc, TIMES_SQUARE, 5_000, 10, seenSince))
                .extracting(d -> d.id().value())
                .containsExactly("parked", "swept");
        SupplyInvariants.check(redis.template(), "nyc");
        assertThat(supply.heartbeat(id("nobody"), clock.instant(), TTL))
                .as("a driver who never went online")
                .isFalse();
        // a fix taken before the heartbeat and sent after it is out of order
        assertThat(supply.locate(
                        id("parked"),
                        placements.place(
                                new LocationFix(WALL_STREET, clock.instant().minusSeconds(1))),
                        TTL))
                .isEqualTo(LocationOutcome.OUT_OF_ORDER);
    }

    @Test
    void searchingManyCentresInOneCallAnswersWhatSearchingEachAnswers() {
        supply.goOnline(id("near"), 2, place(GRAND_CENTRAL), TTL);
        supply.goOnline(id("far"), 4, place(WALL_STREET), TTL);
        supply.goOnline(id("stale"), 1, place(TIMES_SQUARE), TTL);
        clock.advance(Duration.ofSeconds(31));
        supply.locate(id("near"), place(GRAND_CENTRAL), TTL);
        supply.locate(id("far"), place(WALL_STREET), TTL);
        Instant seenSince = clock.instant().minusSeconds(30);
        List<io.ridemesh.common.geo.GeoPoint> centres =
                List.of(TIMES_SQUARE, WALL_STREET, new io.ridemesh.common.geo.GeoPoint(41.88, -87.63), TIMES_SQUARE);

        List<List<AvailableDriver>> many = supply.nearbyEach(nyc, centres, 10_000, 10, seenSince);

        assertThat(many).hasSize(centres.size());
        for (int i = 0; i < centres.size(); i++) {
            assertThat(many.get(i))
                    .as("centre %d", i)
                    .isEqualTo(supply.nearby(nyc, centres.get(i), 10_000, 10, seenSince));
        }
        assertThat(many.get(0)).extracting(d -> d.id().value()).containsExactly("near", "far");
        assertThat(many.get(2)).as("no driver near Chicago").isEmpty();
        assertThat(supply.nearbyEach(nyc, List.of(), 10_000, 10, seenSince)).isEmpty();
    }

    @Test
    void searchesWithinTheRadiusNearestFirst() {
        supply.goOnline(id("near"), 2, place(GRAND_CENTRAL), TTL);
        supply.goOnline(id("far"), 4, place(WALL_STREET), TTL);
        List<AvailableDriver> found =
                supply.nearby(nyc, TIMES_SQUARE, 10_000, 10, clock.instant().minusSeconds(30));
        assertThat(found).extracting(d -> d.id().value()).containsExactly("near", "far");
        assertThat(found.get(0).seats()).isEqualTo(2);
        assertThat(found.get(0).location().lat())
                .isCloseTo(GRAND_CENTRAL.lat(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(supply.nearby(nyc, TIMES_SQUARE, 2_000, 10, clock.instant().minusSeconds(30)))
                .extracting(d -> d.id().value())
                .containsExactly("near");
    }

    @Test
    void keepsCountsExactUnderConcurrentRandomMoves() throws Exception {
        List<GeoPoint> spots = List.of(
                TIMES_SQUARE,
                GRAND_CENTRAL,
                WALL_STREET,
                LONDON,
                new GeoPoint(40.78, -73.96),
                new GeoPoint(40.65, -73.95),
                new GeoPoint(41.88, -87.63));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            done.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 300; i++) {
                    DriverId d = id("d" + random.nextInt(12));
                    GeoPoint p = spots.get(random.nextInt(spots.size()));
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            if (units.at(p).isPresent()) {
                                supply.goOnline(d, 1 + random.nextInt(4), place(p), TTL);
                            }
                        }
                        case 1 -> supply.goOffline(d, TTL);
                        default ->
                            supply.locate(
                                    d,
                                    placements.place(
                                            new LocationFix(p, clock.instant().plusMillis(i))),
                                    TTL);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        SupplyInvariants.check(redis.template(), "nyc");
        SupplyInvariants.check(redis.template(), "chicago");
    }

    private LocationFix fix(GeoPoint p) {
        return new LocationFix(p, clock.instant());
    }

    private io.ridemesh.dispatch.supply.domain.DriverPlacement place(GeoPoint p) {
        return placements.place(fix(p));
    }

    private static DriverId id(String s) {
        return new DriverId(s);
    }
}
