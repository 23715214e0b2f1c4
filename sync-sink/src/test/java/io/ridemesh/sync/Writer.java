package io.ridemesh.sync;

import io.ridemesh.common.hlc.HybridLogicalClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A region's local writer following the replicated-row contract: insert with version 1, update
 * and tombstone by the versioned CAS {@code hlc = GREATEST(:hlcNow, hlc + 1)}.
 */
final class Writer {

    /** A committed local write: what the row held right after it. */
    record Write(long id, String payload, long amount, long hlc, int origin, int deleted) {}

    private final DataSource data;
    private final HybridLogicalClock clock;
    private final int region;

    Writer(DataSource data, HybridLogicalClock clock, int region) {
        this.data = data;
        this.clock = clock;
        this.region = region;
    }

    /** Inserts or, if the row exists, updates it by CAS; null if the CAS lost (0 rows). */
    Write upsert(long id, String payload, long amount, boolean delete) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                Long version = null;
                try (PreparedStatement s = c.prepareStatement("SELECT version FROM items WHERE id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            version = rs.getLong(1);
                        }
                    }
                }
                long now = clock.now();
                if (version == null) {
                    try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO items (id, payload, amount,"
                            + " version, hlc, origin_region, deleted) VALUES (?,?,?,1,?,?,?)")) {
                        s.setLong(1, id);
                        s.setString(2, payload);
                        s.setLong(3, amount);
                        s.setLong(4, now);
                        s.setInt(5, region);
                        s.setInt(6, delete ? 1 : 0);
                        if (s.executeUpdate() == 0) {
                            c.rollback();
                            return null;
                        }
                    }
                } else {
                    try (PreparedStatement s = c.prepareStatement("UPDATE items SET payload = ?, amount = ?,"
                            + " deleted = ?, version = version + 1, hlc = GREATEST(?, hlc + 1), origin_region = ?"
                            + " WHERE id = ? AND version = ?")) {
                        s.setString(1, payload);
                        s.setLong(2, amount);
                        s.setInt(3, delete ? 1 : 0);
                        s.setLong(4, now);
                        s.setInt(5, region);
                        s.setLong(6, id);
                        s.setLong(7, version);
                        if (s.executeUpdate() == 0) {
                            c.rollback();
                            return null;
                        }
                    }
                }
                Write w;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT payload, amount, hlc, origin_region, deleted FROM items WHERE id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        w = new Write(id, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5));
                    }
                }
                c.commit();
                return w;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
