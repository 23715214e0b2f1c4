package io.ridemesh.dispatch.matching.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.ReplicatedTableUnavailable;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.domain.WaitingRides;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WaitingRides} over the region's copy of order-service's replicated {@code rides} table (needs {@code SELECT}
 * on it; the playground grants it). Uses the index {@code (status, requested_at_ms)}. Thread-safe.
 */
public final class JdbcWaitingRides implements WaitingRides {

    private final JdbcClient jdbc;
    private final String sql;

    /**
     * @param table qualified table name, e.g. {@code rides.rides}
     * @throws IllegalArgumentException if {@code table} is not a plain (schema.)name
     */
    public JdbcWaitingRides(JdbcClient jdbc, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.sql = "SELECT id, unit_id, product, seats, pickup_lat, pickup_lon, dropoff_lat, dropoff_lon,"
                + " requested_at_ms FROM " + JdbcUnitHomes.checkedTable(table)
                + " WHERE status = 'REQUESTED' AND deleted = 0 AND unit_id = ? AND requested_at_ms >= ?"
                + " AND requested_at_ms < ? ORDER BY requested_at_ms LIMIT ?";
    }

    @Override
    public List<RideRequest> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit) {
        try {
            return jdbc.sql(sql)
                    .params(unitId, requestedFrom.toEpochMilli(), requestedBefore.toEpochMilli(), limit)
                    .query((rs, n) -> new RideRequest(
                            rs.getLong("id"),
                            rs.getInt("unit_id"),
                            new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lon")),
                            new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lon")),
                            Product.valueOf(rs.getString("product").toUpperCase(Locale.ROOT)),
                            rs.getInt("seats"),
                            Instant.ofEpochMilli(rs.getLong("requested_at_ms"))))
                    .list();
        } catch (DataAccessException e) {
            throw new ReplicatedTableUnavailable(
                    "cannot read the waiting rides of unit " + unitId + ": " + e.getMostSpecificCause(), e);
        }
    }
}
