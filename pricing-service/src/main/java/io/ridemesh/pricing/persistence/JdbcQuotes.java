package io.ridemesh.pricing.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.pricing.domain.FareBreakdown;
import io.ridemesh.pricing.domain.Product;
import io.ridemesh.pricing.domain.Quote;
import io.ridemesh.pricing.domain.Quotes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Quotes} in the regional, not replicated {@code quote} table ({@code db/migration/pricing/V1__quotes.sql}).
 * Instants are written as UTC {@code DATETIME(3)} values, converted here so the JVM's zone never matters.
 * Thread-safe.
 */
public final class JdbcQuotes implements Quotes {

    private final JdbcClient jdbc;

    public JdbcQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Quote q) {
        jdbc.sql("""
                        INSERT INTO quote (quote_id, unit_id, product, seats, pickup_lat, pickup_lon, dropoff_lat,
                          dropoff_lon, surge_cell, metered_cents, surged_cents, surcharges_cents,
                          extra_passenger_cents, fare_cents, currency, surge_milli, distance_m, duration_s,
                          issued_at, expires_at, rider_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        q.quoteId(),
                        q.unitId(),
                        q.product().name(),
                        q.seats(),
                        q.pickup().lat(),
                        q.pickup().lon(),
                        q.dropoff().lat(),
                        q.dropoff().lon(),
                        q.surgeCell(),
                        q.fare().meteredCents(),
                        q.fare().surgedCents(),
                        q.fare().surchargesCents(),
                        q.fare().extraPassengerCents(),
                        q.fare().totalCents(),
                        q.currency(),
                        q.surgeMilli(),
                        q.distanceMetres(),
                        q.durationSeconds(),
                        utc(q.issuedAt()),
                        utc(q.expiresAt()),
                        q.riderId())
                .update();
    }

    @Override
    public Optional<Quote> byId(String quoteId) {
        return jdbc.sql("SELECT * FROM quote WHERE quote_id = ?")
                .param(quoteId)
                .query(JdbcQuotes::map)
                .optional();
    }

    private static Quote map(ResultSet rs, int row) throws SQLException {
        return new Quote(
                rs.getString("quote_id"),
                rs.getInt("unit_id"),
                Product.valueOf(rs.getString("product")),
                rs.getInt("seats"),
                new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lon")),
                new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lon")),
                rs.getString("surge_cell"),
                new FareBreakdown(
                        rs.getLong("metered_cents"),
                        rs.getLong("surged_cents"),
                        rs.getLong("surcharges_cents"),
                        rs.getLong("extra_passenger_cents"),
                        rs.getLong("fare_cents")),
                rs.getString("currency"),
                rs.getLong("surge_milli"),
                rs.getLong("distance_m"),
                rs.getLong("duration_s"),
                instant(rs.getObject("issued_at", LocalDateTime.class)),
                instant(rs.getObject("expires_at", LocalDateTime.class)),
                rs.getString("rider_id"));
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
