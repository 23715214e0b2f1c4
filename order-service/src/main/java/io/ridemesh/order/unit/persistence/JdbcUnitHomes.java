package io.ridemesh.order.unit.persistence;

import io.ridemesh.order.unit.domain.UnitHomes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * {@link UnitHomes} over the region's replica of the gateway's {@code unit_home} table (order-service needs {@code
 * SELECT} on it; the playground and the compose file grant it). Reads the whole table on each call: one row per unit,
 * at most 63. Thread-safe.
 */
public final class JdbcUnitHomes implements UnitHomes {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final NamedParameterJdbcOperations jdbc;
    private final String sql;

    /**
     * @param table qualified table name, e.g. {@code routing.unit_home}
     * @throws IllegalArgumentException if {@code table} is not a plain lower-case {@code [schema.]name}
     */
    public JdbcUnitHomes(NamedParameterJdbcOperations jdbc, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        if (!TABLE.matcher(Objects.requireNonNull(table, "table")).matches()) {
            throw new IllegalArgumentException("table must be [schema.]name in lower case, but was '" + table + "'");
        }
        this.sql = "SELECT unit_id, home_region FROM " + table + " WHERE deleted = 0";
    }

    @Override
    public Map<Integer, Integer> homes() {
        Map<Integer, Integer> homes = new HashMap<>();
        try {
            jdbc.getJdbcOperations().query(sql, rs -> {
                homes.put(rs.getInt(1), rs.getInt(2));
            });
        } catch (DataAccessException e) {
            throw new UnitHomesUnavailable("cannot read the unit homes: " + e.getMostSpecificCause(), e);
        }
        return homes;
    }
}
