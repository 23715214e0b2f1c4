package io.ridemesh.gateway.routing.persistence;

import io.ridemesh.gateway.routing.domain.UnitHome;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link UnitHomes} on the region's {@code routing} schema (MariaDB; H2 in MariaDB mode in tests). Every write is the
 * versioned CAS of the replicated-row contract. Thread-safe; blocking (run it on {@code boundedElastic}, never on an
 * event loop). Errors: Spring's {@code DataAccessException}.
 */
public final class JdbcUnitHomes implements UnitHomes {

    private static final String COLUMNS =
            "unit_id, unit_code, home_region, moved_at_ms, version, hlc, origin_region FROM unit_home";

    private final JdbcTemplate jdbc;

    public JdbcUnitHomes(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public List<UnitHome> all() {
        return jdbc.query("SELECT " + COLUMNS + " WHERE deleted = 0 ORDER BY unit_id", JdbcUnitHomes::row);
    }

    @Override
    public Optional<UnitHome> find(int unitId) {
        return jdbc
                .query("SELECT " + COLUMNS + " WHERE unit_id = ? AND deleted = 0", JdbcUnitHomes::row, unitId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean move(int unitId, long expectedVersion, int toRegion, long movedAtMs, long hlcNow, int selfRegion) {
        int updated = jdbc.update(
                "UPDATE unit_home SET home_region = ?, moved_at_ms = ?, version = version + 1,"
                        + " hlc = GREATEST(?, hlc + 1), origin_region = ? WHERE unit_id = ? AND version = ?",
                toRegion,
                movedAtMs,
                hlcNow,
                selfRegion,
                unitId,
                expectedVersion);
        return updated == 1;
    }

    private static UnitHome row(ResultSet rs, int n) throws SQLException {
        long movedAt = rs.getLong("moved_at_ms");
        Long moved = rs.wasNull() ? null : movedAt;
        return new UnitHome(
                rs.getInt("unit_id"),
                rs.getString("unit_code"),
                rs.getInt("home_region"),
                moved,
                rs.getLong("version"),
                rs.getLong("hlc"),
                rs.getInt("origin_region"));
    }
}
