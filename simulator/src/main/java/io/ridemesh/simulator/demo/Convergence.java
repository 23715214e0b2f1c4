package io.ridemesh.simulator.demo;

import io.ridemesh.infra.cluster.Region;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-table checksums for convergence checks: row count and the sum of CRC32 over every column
 * but {@code version} (a region-local CAS counter that apply raises independently).
 */
public final class Convergence {

    private Convergence() {}

    /** {@code count/sum} of the table in {@code region}. */
    public static String checksum(DemoCluster cluster, Region region, String schema, String table) throws SQLException {
        try (Connection c = cluster.rootConnection(region)) {
            return checksum(c, schema, table);
        }
    }

    /** {@code count/sum} of the table through {@code c} (not closed). */
    public static String checksum(Connection c, String schema, String table) throws SQLException {
        {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME <> 'version' ORDER BY ORDINAL_POSITION")) {
                s.setString(1, schema);
                s.setString(2, table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add("COALESCE(`" + rs.getString(1) + "`, '~')");
                    }
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('#', "
                            + String.join(", ", columns) + "))), 0) FROM `" + schema + "`.`" + table + "`")) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getLong(2);
            }
        }
    }
}
