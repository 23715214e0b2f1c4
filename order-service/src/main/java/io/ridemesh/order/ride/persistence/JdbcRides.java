package io.ridemesh.order.ride.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Product;
import io.ridemesh.order.ride.domain.Quote;
import io.ridemesh.order.ride.domain.Revision;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideAlreadyRequested;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.ride.domain.Trip;
import io.ridemesh.order.ride.domain.TripActuals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * {@link Rides} in the replicated {@code rides} table, maintaining the contract columns of ARCHITECTURE.md section 2.
 *
 * <p><b>Insert</b>: {@code version = 1}, {@code hlc = clock.now()}, {@code origin_region} = this region.
 *
 * <p><b>Update</b> = versioned compare-and-set:
 *
 * <pre>
 * UPDATE rides SET ..., version = version + 1, hlc = GREATEST(:hlcNow, hlc + 1), origin_region = :self,
 *                  terminal = :terminal
 *  WHERE id = :id AND version = :expectedVersion AND hlc = :expectedHlc AND deleted = 0
 * </pre>
 *
 * {@code GREATEST(..., hlc + 1)} orders the write after whatever the row holds even if another region's clock runs
 * ahead. The condition includes the {@code hlc} read, not only the version: versions count per region, so apply may
 * replace the row with another region's write that carries the same version number; comparing the hlc as well makes
 * such a replacement fail the CAS instead of being silently overwritten. Because the CAS pins the old hlc, the new
 * one is known without reading it back. Zero rows updated means a concurrent write won: the row is re-read (the
 * caller's transaction is read committed) and reported as {@link StaleWrite}.
 *
 * <p>Only the mutable columns are updated; the trip, quote, rider and idempotency key never change. Reads skip
 * tombstones ({@code deleted = 1}). Thread-safe; joins the caller's transaction.
 */
public final class JdbcRides implements Rides {

    private static final String COLUMNS = "id, unit_id, rider_id, driver_id, status, terminal, product, seats,"
            + " pickup_lat, pickup_lon, dropoff_lat, dropoff_lon, quote_id, quoted_fare_cents, quoted_distance_metres,"
            + " quoted_duration_seconds, final_fare_cents, cancellation_fee_cents, currency, idempotency_key,"
            + " request_hash, requested_at_ms, updated_at_ms, assigned_at_ms, arrived_at_ms, actual_distance_metres,"
            + " actual_duration_seconds, version, hlc, origin_region, deleted";

    /** Written once at creation (V5): the key {@code (rider_id, idempotency_key, created_region)} is unique. */
    private static final String INSERT_COLUMNS = COLUMNS + ", created_region";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM rides WHERE deleted = 0";

    private static final String INSERT = "INSERT INTO rides (" + INSERT_COLUMNS + ") VALUES (:id, :unitId, :riderId,"
            + " :driverId, :status, :terminal, :product, :seats, :pickupLat, :pickupLon, :dropoffLat, :dropoffLon,"
            + " :quoteId, :quotedFareCents, :quotedDistanceMetres, :quotedDurationSeconds, :finalFareCents,"
            + " :cancellationFeeCents, :currency, :idempotencyKey, :requestHash, :requestedAtMs, :updatedAtMs,"
            + " :assignedAtMs, :arrivedAtMs, :actualDistanceMetres, :actualDurationSeconds, 1, :hlc, :self, 0, :self)";

    private static final String UPDATE = "UPDATE rides SET driver_id = :driverId, status = :status,"
            + " final_fare_cents = :finalFareCents, cancellation_fee_cents = :cancellationFeeCents,"
            + " updated_at_ms = :updatedAtMs, assigned_at_ms = :assignedAtMs, arrived_at_ms = :arrivedAtMs,"
            + " actual_distance_metres = :actualDistanceMetres, actual_duration_seconds = :actualDurationSeconds,"
            + " version = version + 1, hlc = GREATEST(:hlcNow, hlc + 1), origin_region = :self,"
            + " terminal = :terminal"
            + " WHERE id = :id AND version = :expectedVersion AND hlc = :expectedHlc AND deleted = 0";

    private static final RowMapper<Ride> ROW = JdbcRides::map;

    private final NamedParameterJdbcOperations jdbc;
    private final HybridLogicalClock clock;
    private final int regionId;

    /**
     * @param jdbc the service's schema
     * @param clock stamps every write
     * @param regionId this region, written to {@code origin_region}
     */
    public JdbcRides(NamedParameterJdbcOperations jdbc, HybridLogicalClock clock, int regionId) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regionId = regionId;
    }

    @Override
    public Optional<Ride> find(RideId id) {
        return jdbc.query(SELECT + " AND id = :id", new MapSqlParameterSource("id", id.value()), ROW).stream()
                .findFirst();
    }

    @Override
    public Optional<Ride> findByIdempotencyKey(RiderId riderId, IdempotencyKey key) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("riderId", riderId.value()).addValue("key", key.value());
        return jdbc
                .query(SELECT + " AND rider_id = :riderId AND idempotency_key = :key ORDER BY id LIMIT 1", params, ROW)
                .stream()
                .findFirst();
    }

    @Override
    public List<Ride> findAllByIdempotencyKey(RiderId riderId, IdempotencyKey key) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("riderId", riderId.value()).addValue("key", key.value());
        return jdbc.query(SELECT + " AND rider_id = :riderId AND idempotency_key = :key ORDER BY id", params, ROW);
    }

    @Override
    public boolean quoteUsed(String quoteId) {
        // uk_rides_quote_region (V7) leads with quote_id; tombstones count, so no deleted filter
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM rides WHERE quote_id = :quoteId)",
                new MapSqlParameterSource("quoteId", quoteId),
                Boolean.class));
    }

    @Override
    public List<Ride> findOpenWithDuplicates(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be in 1..1000, but was " + limit);
        }
        // ix_rides_status_requested finds the open rides; uk_rides_rider_key_region their twins
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM rides r WHERE r.deleted = 0"
                        + " AND r.status IN ('REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED')"
                        + " AND EXISTS (SELECT 1 FROM rides t WHERE t.rider_id = r.rider_id"
                        + " AND t.idempotency_key = r.idempotency_key AND t.id <> r.id AND t.deleted = 0)"
                        + " ORDER BY r.id LIMIT :limit",
                new MapSqlParameterSource("limit", limit),
                ROW);
    }

    @Override
    public List<Ride> list(Filter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT);
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        RiderId rider = filter.riderId();
        if (rider != null) {
            sql.append(" AND rider_id = :riderId");
            params.addValue("riderId", rider.value());
        }
        DriverId driver = filter.driverId();
        if (driver != null) {
            sql.append(" AND driver_id = :driverId");
            params.addValue("driverId", driver.value());
        }
        RideStatus status = filter.status();
        if (status != null) {
            sql.append(" AND status = :status");
            params.addValue("status", status.name());
        }
        sql.append(" ORDER BY requested_at_ms DESC, id DESC LIMIT :limit");
        return jdbc.query(sql.toString(), params, ROW);
    }

    @Override
    public List<Ride> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("unitId", unitId)
                .addValue("from", requestedFrom.toEpochMilli())
                .addValue("before", requestedBefore.toEpochMilli())
                .addValue("limit", limit);
        return jdbc.query(
                SELECT + " AND status = 'REQUESTED' AND unit_id = :unitId AND requested_at_ms >= :from"
                        + " AND requested_at_ms < :before ORDER BY requested_at_ms, id LIMIT :limit",
                params,
                ROW);
    }

    @Override
    public Ride insert(Ride ride) {
        if (ride.revision().isStored()) {
            throw new IllegalArgumentException("ride " + ride.id() + " must be new, but is at " + ride.revision());
        }
        long hlc = clock.now();
        MapSqlParameterSource params = mutableColumns(ride)
                .addValue("unitId", ride.unitId())
                .addValue("riderId", ride.riderId().value())
                .addValue("product", ride.trip().product().name())
                .addValue("seats", ride.trip().seats())
                .addValue("pickupLat", ride.trip().pickup().lat())
                .addValue("pickupLon", ride.trip().pickup().lon())
                .addValue("dropoffLat", ride.trip().dropoff().lat())
                .addValue("dropoffLon", ride.trip().dropoff().lon())
                .addValue("quoteId", ride.quote().quoteId())
                .addValue("quotedFareCents", ride.quote().fareCents())
                .addValue("quotedDistanceMetres", ride.quote().distanceMetres())
                .addValue("quotedDurationSeconds", ride.quote().durationSeconds())
                .addValue("currency", ride.quote().currency())
                .addValue("idempotencyKey", ride.idempotencyKey().value())
                .addValue("requestHash", ride.requestHash())
                .addValue("requestedAtMs", ride.requestedAt().toEpochMilli())
                .addValue("hlc", hlc)
                .addValue("self", regionId);
        try {
            jdbc.update(INSERT, params);
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            // InnoDB may also abort one of several inserts racing on the same unique key (deadlock, lock wait
            // timeout); either way another request with this key got there first or is in flight.
            throw new RideAlreadyRequested(ride.riderId(), ride.idempotencyKey(), e);
        }
        return ride.atRevision(new Revision(1, hlc));
    }

    @Override
    public Ride update(Ride changed) {
        Revision expected = changed.revision();
        if (!expected.isStored()) {
            throw new IllegalArgumentException("ride " + changed.id() + " must be stored, but is new");
        }
        long hlcNow = clock.now();
        MapSqlParameterSource params = mutableColumns(changed)
                .addValue("hlcNow", hlcNow)
                .addValue("self", regionId)
                .addValue("expectedVersion", expected.version())
                .addValue("expectedHlc", expected.hlc());
        if (jdbc.update(UPDATE, params) == 0) {
            throw new StaleWrite(changed.id(), expected, find(changed.id()).orElse(null));
        }
        return changed.atRevision(new Revision(expected.version() + 1, Math.max(hlcNow, expected.hlc() + 1)));
    }

    private static MapSqlParameterSource mutableColumns(Ride ride) {
        TripActuals actuals = ride.actuals();
        DriverId driver = ride.driverId();
        return new MapSqlParameterSource()
                .addValue("id", ride.id().value())
                .addValue("driverId", driver == null ? null : driver.value())
                .addValue("status", ride.status().name())
                .addValue("terminal", ride.status().isTerminal() ? 1 : 0)
                .addValue("finalFareCents", ride.finalFareCents())
                .addValue("cancellationFeeCents", ride.cancellationFeeCents())
                .addValue("updatedAtMs", ride.updatedAt().toEpochMilli())
                .addValue("assignedAtMs", epochMs(ride.assignedAt()))
                .addValue("arrivedAtMs", epochMs(ride.arrivedAt()))
                .addValue("actualDistanceMetres", actuals == null ? null : actuals.distanceMetres())
                .addValue("actualDurationSeconds", actuals == null ? null : actuals.durationSeconds());
    }

    private static @Nullable Long epochMs(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Ride map(ResultSet rs, int rowNum) throws SQLException {
        String driver = rs.getString("driver_id");
        Long actualDistance = nullableLong(rs, "actual_distance_metres");
        Long actualDuration = nullableLong(rs, "actual_duration_seconds");
        return new Ride(
                new RideId(rs.getLong("id")),
                new RiderId(rs.getString("rider_id")),
                driver == null ? null : new DriverId(driver),
                RideStatus.valueOf(rs.getString("status")),
                new Trip(
                        new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lon")),
                        new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lon")),
                        Product.valueOf(rs.getString("product")),
                        rs.getInt("seats")),
                new Quote(
                        rs.getString("quote_id"),
                        rs.getLong("quoted_fare_cents"),
                        rs.getString("currency"),
                        rs.getLong("quoted_distance_metres"),
                        rs.getLong("quoted_duration_seconds")),
                nullableLong(rs, "final_fare_cents"),
                nullableLong(rs, "cancellation_fee_cents"),
                new IdempotencyKey(rs.getString("idempotency_key")),
                rs.getString("request_hash"),
                Instant.ofEpochMilli(rs.getLong("requested_at_ms")),
                Instant.ofEpochMilli(rs.getLong("updated_at_ms")),
                nullableInstant(rs, "assigned_at_ms"),
                nullableInstant(rs, "arrived_at_ms"),
                actualDistance == null || actualDuration == null
                        ? null
                        : new TripActuals(actualDistance, actualDuration),
                new Revision(rs.getLong("version"), rs.getLong("hlc")));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Long ms = nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
