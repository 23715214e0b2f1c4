package io.ridemesh.order.unit.persistence;

import io.ridemesh.order.unit.domain.BoundingBox;
import io.ridemesh.order.unit.domain.Unit;
import io.ridemesh.order.unit.domain.Units;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * {@link Units} from the regional reference table {@code units}, read once on first use and kept: units change only
 * by migration, which comes with a restart. Thread-safe (a racing first read loads twice, harmlessly).
 */
public final class JdbcUnits implements Units {

    private static final String SELECT =
            "SELECT id, code, name, min_lat, max_lat, min_lon, max_lon, timezone, currency" + " FROM units ORDER BY id";

    private final JdbcOperations jdbc;
    private volatile @Nullable List<Unit> cache;

    public JdbcUnits(JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public List<Unit> all() {
        List<Unit> units = cache;
        if (units == null) {
            units = List.copyOf(jdbc.query(
                    SELECT,
                    (rs, rowNum) -> new Unit(
                            rs.getInt("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            new BoundingBox(
                                    rs.getDouble("min_lat"),
                                    rs.getDouble("max_lat"),
                                    rs.getDouble("min_lon"),
                                    rs.getDouble("max_lon")),
                            ZoneId.of(rs.getString("timezone")),
                            rs.getString("currency"))));
            cache = units;
        }
        return units;
    }

    @Override
    public Optional<Unit> find(int unitId) {
        return all().stream().filter(unit -> unit.id() == unitId).findFirst();
    }
}
