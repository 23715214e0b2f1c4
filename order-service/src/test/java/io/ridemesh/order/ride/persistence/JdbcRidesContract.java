package io.ridemesh.order.ride.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Revision;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideAlreadyRequested;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.support.RideFixture;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versioned CAS of ARCHITECTURE.md section 2, against the real SQL: {@code JdbcRidesTest} runs it on H2 in
 * MariaDB mode, {@code JdbcRidesMariaDbIT} on MariaDB.
 */
abstract class JdbcRidesContract {

    private static final int REGION = 3;

    private final MutableClock wallClock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final HybridLogicalClock hlc = HybridLogicalClock.create(wallClock, Duration.ofMillis(500));
    private DataSource dataSource;
    private NamedParameterJdbcTemplate jdbc;
    private Rides rides;
    private TransactionTemplate transactions;
    private ExecutorService pool;

    /** A database with the service's migrations applied; called once per test. */
    abstract DataSource dataSource();

    @BeforeEach
    void startPool() {
        dataSource = dataSource();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        rides = new JdbcRides(jdbc, hlc, REGION);
        transactions = readCommitted(dataSource);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static TransactionTemplate readCommitted(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }

    private Ride newRequestedRide() {
        return Ride.request(
                        RideFixture.newId(),
                        RideFixture.RIDER,
                        RideFixture.TRIP,
                        RideFixture.newQuote(),
                        new IdempotencyKey("k-" + UUID.randomUUID()),
                        "c".repeat(64),
                        wallClock.instant())
                .ride();
    }

    private Map<String, Object> row(Ride ride) {
        return jdbc.queryForMap(
                "SELECT version, hlc, origin_region, CAST(terminal AS INT) AS terminal, CAST(deleted AS INT) AS deleted,"
                        + " status, unit_id FROM rides WHERE id = :id",
                new MapSqlParameterSource("id", ride.id().value()));
    }

    @Test
    void insertsVersionOneWithAFreshHlcAndThisRegionAsOrigin() {
        Ride stored = rides.insert(newRequestedRide());

        assertThat(stored.revision().version()).isEqualTo(1);
        assertThat(HybridLogicalClock.physicalMs(stored.revision().hlc())).isEqualTo(wallClock.millis());
        assertThat(row(stored))
                .containsEntry("version", 1L)
                .containsEntry("hlc", stored.revision().hlc())
                .containsEntry("origin_region", REGION)
                .containsEntry("terminal", 0)
                .containsEntry("deleted", 0)
                .containsEntry("unit_id", 1);
        assertThat(rides.find(stored.id())).contains(stored);
    }

    @Test
    void updateBumpsVersionRaisesHlcAndSetsTerminal() {
        Ride stored = rides.insert(newRequestedRide());
        wallClock.advance(Duration.ofSeconds(1));

        Ride cancelled =
                rides.update(stored.markNoDriverAvailable(wallClock.instant()).ride());

        assertThat(cancelled.revision().version()).isEqualTo(2);
        assertThat(cancelled.revision().hlc()).isGreaterThan(stored.revision().hlc());
        assertThat(row(cancelled))
                .containsEntry("version", 2L)
                .containsEntry("hlc", cancelled.revision().hlc())
                .containsEntry("terminal", 1)
                .containsEntry("status", "NO_DRIVER_AVAILABLE");
        assertThat(rides.find(stored.id())).contains(cancelled);
    }

    @Test
    void aWriteOrdersAfterARowFromARegionWhoseClockRunsAhead() {
        Ride stored = rides.insert(newRequestedRide());
        long ahead = HybridLogicalClock.of(wallClock.millis() + 60_000, 7);
        // as if apply wrote another region's version, stamped a minute ahead of our clock
        jdbc.update(
                "UPDATE rides SET hlc = :hlc, origin_region = 2, version = 5 WHERE id = :id",
                new MapSqlParameterSource()
                        .addValue("hlc", ahead)
                        .addValue("id", stored.id().value()));
        Ride replicated = rides.find(stored.id()).orElseThrow();

        Ride written = rides.update(
                replicated.assign(RideFixture.DRIVER, wallClock.instant()).ride());

        assertThat(written.revision()).isEqualTo(new Revision(6, ahead + 1));
        assertThat(row(written)).containsEntry("hlc", ahead + 1).containsEntry("origin_region", REGION);
    }

    @Test
    void failsAsStaleWhenTheVersionMovedOnAndReportsTheCurrentRow() {
        Ride stored = rides.insert(newRequestedRide());
        Ride winner = rides.update(
                stored.assign(RideFixture.DRIVER, wallClock.instant()).ride());

        assertThatThrownBy(() -> rides.update(stored.assign(RideFixture.OTHER_DRIVER, wallClock.instant())
                        .ride()))
                .isInstanceOfSatisfying(StaleWrite.class, e -> {
                    assertThat(e.expected()).isEqualTo(stored.revision());
                    assertThat(e.current()).isEqualTo(winner);
                })
                .hasMessageContaining("expected version 1, but it is at version 2 in status DRIVER_ASSIGNED");
        assertThat(rides.find(stored.id()).orElseThrow().driverId()).isEqualTo(RideFixture.DRIVER);
    }

    @Test
    void failsAsStaleWhenApplyReplacedTheRowWithTheSameVersionNumber() {
        Ride stored = rides.insert(newRequestedRide());
        // another region also wrote version 1 of this row, later by its clock; apply kept it
        jdbc.update(
                "UPDATE rides SET hlc = hlc + 5, origin_region = 2 WHERE id = :id",
                new MapSqlParameterSource("id", stored.id().value()));

        assertThatThrownBy(() -> rides.update(
                        stored.assign(RideFixture.DRIVER, wallClock.instant()).ride()))
                .isInstanceOf(StaleWrite.class);
    }

    @Test
    void readsIgnoreTombstones() {
        Ride stored = rides.insert(newRequestedRide());
        jdbc.update(
                "UPDATE rides SET deleted = 1 WHERE id = :id",
                new MapSqlParameterSource("id", stored.id().value()));

        assertThat(rides.find(stored.id())).isEmpty();
        assertThat(rides.findByIdempotencyKey(stored.riderId(), stored.idempotencyKey()))
                .isEmpty();
        assertThat(rides.list(new Rides.Filter(stored.riderId(), null, null), 1000))
                .noneMatch(ride -> ride.id().equals(stored.id()));
        assertThatThrownBy(() -> rides.update(
                        stored.assign(RideFixture.DRIVER, wallClock.instant()).ride()))
                .isInstanceOfSatisfying(
                        StaleWrite.class, e -> assertThat(e.current()).isNull());
    }

    @Test
    void anotherRegionsRideWithTheSameRiderAndKeyIsADistinctRowAndTheLookupPicksTheEarliest() {
        Ride local = rides.insert(newRequestedRide());
        long otherId = insertRegion2Twin(local);

        assertThat(rides.find(local.id())).contains(local);
        assertThat(rides.find(new io.ridemesh.order.ride.domain.RideId(otherId)))
                .isPresent();
        assertThat(rides.findByIdempotencyKey(local.riderId(), local.idempotencyKey()))
                .contains(local);
        assertThat(jdbc.queryForObject(
                        "SELECT created_region FROM rides WHERE id = :id",
                        new MapSqlParameterSource("id", local.id().value()),
                        Integer.class))
                .isEqualTo(REGION);
    }

    @Test
    void findsTheOpenRidesThatHaveADuplicateAndTheWholeGroup() {
        Ride local = rides.insert(newRequestedRide());
        Ride alone = rides.insert(newRequestedRide());
        long otherId = insertRegion2Twin(local);
        Ride finished = rides.insert(newRequestedRide());
        insertRegion2Twin(finished);
        jdbc.update(
                "UPDATE rides SET status = 'NO_DRIVER_AVAILABLE', terminal = 1 WHERE rider_id = :rider"
                        + " AND idempotency_key = :key",
                new MapSqlParameterSource()
                        .addValue("rider", finished.riderId().value())
                        .addValue("key", finished.idempotencyKey().value()));

        List<Long> group = List.of(
                Math.min(otherId, local.id().value()),
                Math.max(otherId, local.id().value()));
        // other tests' rows may share the database: look at this test's rows only
        List<Long> found = rides.findOpenWithDuplicates(1000).stream()
                .map(ride -> ride.id().value())
                .toList();
        assertThat(found)
                .isSorted()
                .containsAll(group)
                .doesNotContain(alone.id().value(), finished.id().value());
        assertThat(rides.findAllByIdempotencyKey(local.riderId(), local.idempotencyKey()))
                .extracting(ride -> ride.id().value())
                .containsExactlyElementsOf(group);
        assertThat(rides.findAllByIdempotencyKey(alone.riderId(), alone.idempotencyKey()))
                .containsExactly(alone);
        assertThatThrownBy(() -> rides.findOpenWithDuplicates(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Inserts what sync-sink's apply writes for region 2's ride created with {@code local}'s rider and key during a
     * failover: the same id from region 2's generator, where only the region bits (41 ms | 4 region | 6 unit | 3
     * node | 9 seq) differ.
     */
    private long insertRegion2Twin(Ride local) {
        long otherId = (local.id().value() & ~(15L << 18)) | (2L << 18);
        jdbc.update(
                "INSERT INTO rides (id, unit_id, rider_id, status, terminal, product, seats, pickup_lat, pickup_lon,"
                        + " dropoff_lat, dropoff_lon, quote_id, quoted_fare_cents, quoted_distance_metres,"
                        + " quoted_duration_seconds, currency, idempotency_key, request_hash, requested_at_ms,"
                        + " updated_at_ms, version, hlc, origin_region, deleted, created_region)"
                        + " SELECT :other, unit_id, rider_id, status, terminal, product, seats, pickup_lat, pickup_lon,"
                        + " dropoff_lat, dropoff_lon, quote_id, quoted_fare_cents, quoted_distance_metres,"
                        + " quoted_duration_seconds, currency, idempotency_key, request_hash, requested_at_ms,"
                        + " updated_at_ms, 1, hlc + 1, 2, 0, 2 FROM rides WHERE id = :id",
                new MapSqlParameterSource().addValue("id", local.id().value()).addValue("other", otherId));
        return otherId;
    }

    @Test
    void theIdempotencyKeyIsUniquePerRider() {
        Ride first = rides.insert(newRequestedRide());
        Ride sameKey = Ride.request(
                        RideFixture.newId(),
                        first.riderId(),
                        RideFixture.TRIP,
                        RideFixture.newQuote(),
                        first.idempotencyKey(),
                        "d".repeat(64),
                        wallClock.instant())
                .ride();

        assertThatThrownBy(() -> rides.insert(sameKey)).isInstanceOf(RideAlreadyRequested.class);
        assertThat(rides.findByIdempotencyKey(first.riderId(), first.idempotencyKey()))
                .contains(first);
        assertThat(rides.findByIdempotencyKey(
                        first.riderId(),
                        new IdempotencyKey(first.idempotencyKey().value().toUpperCase())))
                .as("keys compare case-sensitively")
                .isEmpty();
    }

    @Test
    void listsByRiderDriverAndStatusNewestFirst() {
        Ride older = rides.insert(newRequestedRide());
        wallClock.advance(Duration.ofSeconds(1));
        Ride newer = rides.insert(newRequestedRide());
        DriverId driver = new DriverId("lister-" + UUID.randomUUID());
        Ride assigned = rides.update(newer.assign(driver, wallClock.instant()).ride());

        assertThat(rides.list(new Rides.Filter(null, driver, null), 10)).containsExactly(assigned);
        assertThat(rides.list(new Rides.Filter(RideFixture.RIDER, null, RideStatus.DRIVER_ASSIGNED), 1000))
                .contains(assigned)
                .doesNotContain(older);
        List<Ride> byRider = rides.list(new Rides.Filter(RideFixture.RIDER, null, null), 1000);
        assertThat(byRider.indexOf(assigned)).isLessThan(byRider.indexOf(older));
    }

    /**
     * Two assignments of different drivers read the same REQUESTED ride and both try to write it: the CAS lets exactly
     * one commit, the other sees 0 rows updated and gets {@link StaleWrite} with the winner's state.
     */
    @RepeatedTest(10)
    void twoDriversAssignedConcurrentlyExactlyOneWins() throws Exception {
        Ride stored = rides.insert(newRequestedRide());
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<Future<Ride>> attempts = new ArrayList<>();
        for (DriverId driver : List.of(RideFixture.DRIVER, RideFixture.OTHER_DRIVER)) {
            attempts.add(pool.submit(() -> transactions.execute(status -> {
                Ride read = rides.find(stored.id()).orElseThrow();
                await(bothRead);
                return rides.update(read.assign(driver, wallClock.instant()).ride());
            })));
        }

        List<Ride> won = new ArrayList<>();
        List<StaleWrite> lost = new ArrayList<>();
        for (Future<Ride> attempt : attempts) {
            try {
                won.add(attempt.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StaleWrite.class);
                lost.add((StaleWrite) e.getCause());
            }
        }

        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(1);
        Ride stored2 = rides.find(stored.id()).orElseThrow();
        assertThat(stored2).isEqualTo(won.get(0));
        assertThat(stored2.revision().version()).isEqualTo(2);
        assertThat(lost.get(0).current()).isEqualTo(stored2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
