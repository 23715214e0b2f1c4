package io.ridemesh.dispatch.matching.persistence;

import io.ridemesh.dispatch.matching.domain.ReplicatedTableUnavailable;
import io.ridemesh.dispatch.matching.domain.UnitHomes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link UnitHomes} over the region's copy of the gateway's replicated {@code unit_home} table (needs {@code SELECT} on
 * it; the playground grants it). Reads the whole table each call: it has one row per unit (at most 63). Thread-safe.
 */
public final class JdbcUnitHomes implements UnitHomes {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final JdbcClient jdbc;
    private final String sql;

    /**
     * @param table qualified table name, e.g. {@code routing.unit_home}
     * @throws IllegalArgumentException if {@code table} is not a plain (schema.)name
     */
    public JdbcUnitHomes(JdbcClient jdbc, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.sql = "SELECT unit_id, home_region FROM " + checkedTable(table) + " WHERE deleted = 0";
    }

    @Override
    public Map<Integer, Integer> homes() {
        Map<Integer, Integer> homes = new HashMap<>();
        try {
            jdbc.sql(sql).query(rs -> {
                homes.put(rs.getInt(1), rs.getInt(2));
            });
        } catch (DataAccessException e) {
            throw new ReplicatedTableUnavailable("cannot read the unit homes: " + e.getMostSpecificCause(), e);
        }
        return homes;
    }

    static String checkedTable(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be [schema.]name in lower case, but was '" + table + "'");
        }
        return table;
    }
}
