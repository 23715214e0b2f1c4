package io.ridemesh.sync.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column and primary-key metadata of the local tables apply writes to, read from
 * {@code information_schema} and cached; {@link #refresh} re-reads one table (after additive DDL).
 * Thread-safe.
 */
final class TableSchemas {

    /**
     * @param columns column name to lower-case DATA_TYPE, in ordinal order
     * @param primaryKey primary-key columns in key order
     */
    record TableSchema(String schema, String table, Map<String, String> columns, List<String> primaryKey) {}

    private final Map<String, TableSchema> cache = new ConcurrentHashMap<>();

    /** The table's metadata, or null if the table does not exist. */
    TableSchema get(Connection c, String schema, String table) throws SQLException {
        TableSchema cached = cache.get(schema + "." + table);
        return cached != null ? cached : refresh(c, schema, table);
    }

    TableSchema refresh(Connection c, String schema, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> pk = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_KEY FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (columns.isEmpty()) {
            cache.remove(schema + "." + table);
            return null;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pk.add(rs.getString(1));
                }
            }
        }
        TableSchema schemaOf =
                new TableSchema(schema, table, java.util.Collections.unmodifiableMap(columns), List.copyOf(pk));
        cache.put(schema + "." + table, schemaOf);
        return schemaOf;
    }
}
