package io.ridemesh.gateway.failover.persistence;

import io.ridemesh.gateway.failover.domain.Drill;
import io.ridemesh.gateway.failover.domain.DrillKind;
import io.ridemesh.gateway.failover.domain.Drills;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link Drills} on the region's {@code routing} schema. Rows follow the replicated-row contract; every update is a
 * versioned CAS. Thread-safe; blocking. Errors: Spring's {@code DataAccessException}.
 */
public final class JdbcDrills implements Drills {

    private static final String SELECT = "SELECT id, kind, region, target_region, started_at_ms, ended_at_ms,"
            + " units_moved, declared_down_at_ms, first_served_at_ms, rto_ms, executed_by, version FROM drill";

    private final JdbcTemplate jdbc;

    public JdbcDrills(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public void insert(Drill d, long hlc, int selfRegion) {
        jdbc.update(
                "INSERT INTO drill (id, kind, region, target_region, started_at_ms, ended_at_ms, units_moved,"
                        + " declared_down_at_ms, first_served_at_ms, rto_ms, executed_by, version, hlc, origin_region,"
                        + " deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                d.id(),
                d.kind().code(),
                d.region(),
                d.targetRegion(),
                d.startedAtMs(),
                d.endedAtMs(),
                units(d.units()),
                d.declaredDownAtMs(),
                d.firstServedAtMs(),
                d.rtoMs(),
                d.executedBy(),
                d.version(),
                hlc,
                selfRegion);
    }

    @Override
    public List<Drill> recent(int limit) {
        return jdbc.query(
                SELECT + " WHERE deleted = 0 ORDER BY started_at_ms DESC, id DESC LIMIT ?", JdbcDrills::row, limit);
    }

    @Override
    public List<Drill> of(int region, DrillKind kind) {
        return jdbc.query(
                SELECT + " WHERE deleted = 0 AND region = ? AND kind = ? ORDER BY started_at_ms, id",
                JdbcDrills::row,
                region,
                kind.code());
    }

    @Override
    public List<Drill> awaitingFirstServe(long sinceMs) {
        return jdbc
                .query(
                        SELECT + " WHERE deleted = 0 AND first_served_at_ms IS NULL AND started_at_ms >= ?",
                        JdbcDrills::row,
                        sinceMs)
                .stream()
                .filter(Drill::awaitingFirstServe)
                .toList();
    }

    @Override
    public Optional<Drill> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", JdbcDrills::row, id).stream()
                .findFirst();
    }

    @Override
    public boolean complete(
            long id, long expectedVersion, long endedAtMs, List<Integer> units, long hlcNow, int selfRegion) {
        return jdbc.update(
                        "UPDATE drill SET ended_at_ms = ?, units_moved = ?, version = version + 1,"
                                + " hlc = GREATEST(?, hlc + 1), origin_region = ? WHERE id = ? AND version = ?",
                        endedAtMs,
                        units(units),
                        hlcNow,
                        selfRegion,
                        id,
                        expectedVersion)
                == 1;
    }

    @Override
    public boolean recordFirstServed(Drill d, long hlcNow, int selfRegion) {
        return jdbc.update(
                        "UPDATE drill SET first_served_at_ms = ?, rto_ms = ?, version = version + 1,"
                                + " hlc = GREATEST(?, hlc + 1), origin_region = ?"
                                + " WHERE id = ? AND version = ? AND first_served_at_ms IS NULL",
                        d.firstServedAtMs(),
                        d.rtoMs(),
                        hlcNow,
                        selfRegion,
                        d.id(),
                        d.version() - 1)
                == 1;
    }

    static String units(List<Integer> units) {
        return units.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> units(String stored) {
        if (stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    private static Drill row(ResultSet rs, int n) throws SQLException {
        return new Drill(
                rs.getLong("id"),
                DrillKind.ofCode(rs.getString("kind")),
                rs.getInt("region"),
                rs.getInt("target_region"),
                rs.getLong("started_at_ms"),
                nullableLong(rs, "ended_at_ms"),
                units(rs.getString("units_moved")),
                nullableLong(rs, "declared_down_at_ms"),
                nullableLong(rs, "first_served_at_ms"),
                nullableLong(rs, "rto_ms"),
                rs.getInt("executed_by"),
                rs.getLong("version"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
