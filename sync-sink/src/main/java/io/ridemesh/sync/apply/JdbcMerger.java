package io.ridemesh.sync.apply;

import io.ridemesh.common.replication.MergeDecision;
import io.ridemesh.common.replication.MergeKey;
import io.ridemesh.sync.ChangeRecord;
import io.ridemesh.sync.ChangeRecordCodec;
import io.ridemesh.sync.SyncMetrics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Merges a batch of change records into the region's database in ONE transaction (ARCHITECTURE
 * section 2): per table it locks the rows the batch touches ({@code SELECT ... FOR UPDATE}, which
 * also serialises with local versioned-CAS writes), decides each record against the version held
 * with {@link MergeDecision#decide}, writes only the winners with one batched upsert, records
 * concurrent losers in {@code sync.conflict_log}, and parks values of columns the local table
 * lacks yet (additive DDL applied elsewhere first) in {@code sync.parked_changes}.
 *
 * <p>Applied rows keep the source's {@code origin_region} (so capture does not publish them back)
 * and get {@code version = GREATEST(local version + 1, incoming version)} so a local CAS that read
 * an older version can never succeed against the applied one.
 *
 * <p>Thread-safety: safe for concurrent use; each call uses its own connection.
 */
final class JdbcMerger {

    /** Counts of one applied batch. */
    record Outcome(int applied, int skippedStale, int skippedDuplicate, int conflicts, int parked, long maxHlc) {}

    /** Most rows one upsert statement writes; a batch's winners are split into statements of this many. */
    static final int ROWS_PER_UPSERT = 250;

    private final DataSource dataSource;
    private final TableSchemas schemas = new TableSchemas();
    private final Map<String, List<String>> mergeKeys;
    private final SyncMetrics metrics;
    private final String region;
    private final String sessionDomain;

    /**
     * @param gtidDomainId MariaDB GTID domain every transaction of this merger is written in; 0 for the server's
     */
    JdbcMerger(
            DataSource dataSource,
            Map<String, List<String>> mergeKeys,
            SyncMetrics metrics,
            String region,
            long gtidDomainId) {
        this.dataSource = dataSource;
        this.mergeKeys = mergeKeys;
        this.metrics = metrics;
        this.region = region;
        this.sessionDomain = gtidDomainId > 0 ? "SET SESSION gtid_domain_id = " + gtidDomainId : null;
    }

    /**
     * A connection whose next transaction is written in apply's GTID domain, so this region's capture skips it
     * unread. Set per checkout, before the transaction begins (MariaDB refuses the change inside one): one short
     * statement per applied batch, whatever pool the data source is.
     */
    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (sessionDomain != null) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(sessionDomain);
            } catch (SQLException e) {
                discard(c);
                // retried like any SQL error, never dead-lettered: the records are fine, the account is not
                throw new SQLException(
                        "apply cannot write in its GTID domain (" + sessionDomain + "): grant BINLOG REPLAY to the"
                                + " sync-sink database user, or set sync.apply.gtid-domain-id=0; " + e.getMessage(),
                        e.getSQLState(),
                        e.getErrorCode(),
                        e);
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /**
     * Drops a connection that could not enter apply's GTID domain instead of returning it to the pool: a session
     * keeps the privileges it started with, so once an operator grants BINLOG REPLAY only new sessions have it.
     */
    private void discard(Connection c) throws SQLException {
        if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
            dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).evictConnection(c);
        } else {
            c.close();
        }
    }

    Outcome apply(List<ChangeRecord> records) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = applyIn(c, records);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome applyIn(Connection c, List<ChangeRecord> records) throws SQLException {
        Map<String, List<ChangeRecord>> byTable = new LinkedHashMap<>();
        for (ChangeRecord r : records) {
            byTable.computeIfAbsent(r.qualifiedTable(), t -> new ArrayList<>()).add(r);
        }
        int applied = 0, stale = 0, duplicate = 0, conflicts = 0, parked = 0;
        long maxHlc = 0;
        for (List<ChangeRecord> group : byTable.values()) {
            ChangeRecord first = group.get(0);
            TableSchemas.TableSchema table = schemas.get(c, first.schema(), first.table());
            if (table == null) {
                throw new ErrorClassifier.UnknownTable(first.qualifiedTable());
            }
            List<String> leading = mergeKeys.getOrDefault(first.qualifiedTable(), List.of());
            Map<List<Object>, Map<String, Object>> current = lockCurrent(c, table, group);
            Map<List<Object>, ChangeRecord> winners = new LinkedHashMap<>();
            List<Object[]> conflictRows = new ArrayList<>();
            for (ChangeRecord r : group) {
                maxHlc = Math.max(maxHlc, r.hlc());
                List<Object> key = keyOf(table, r.key());
                Map<String, Object> local = current.get(key);
                MergeKey localKey = local == null ? null : mergeKeyOf(local, leading);
                MergeKey incoming = r.mergeKey(leading);
                MergeDecision decision = MergeDecision.decide(localKey, incoming, r.prevHlc());
                if (decision instanceof MergeDecision.Applied) {
                    applied++;
                } else if (decision instanceof MergeDecision.SkippedDuplicate) {
                    duplicate++;
                    metrics.skippedDuplicate();
                } else if (decision instanceof MergeDecision.SkippedStale) {
                    stale++;
                    metrics.skippedStale();
                } else if (decision instanceof MergeDecision.Conflicted x) {
                    conflicts++;
                    applied++;
                    metrics.conflict();
                    conflictRows.add(new Object[] {
                        r.schema(),
                        r.table(),
                        ChangeRecordCodec.encodeKey(r.key()),
                        x.winner().hlc(),
                        x.winner().originRegion(),
                        x.loser().hlc(),
                        x.loser().originRegion(),
                        encodeRow(local),
                        region,
                        System.currentTimeMillis()
                    });
                }
                if (decision.writes()) {
                    winners.put(key, r);
                    Map<String, Object> held = new HashMap<>(r.after());
                    current.put(key, held);
                }
            }
            parked += upsert(c, table, winners.values());
            logConflicts(c, conflictRows);
        }
        metrics.applied(applied);
        return new Outcome(applied, stale, duplicate, conflicts, parked, maxHlc);
    }

    /** Reads (and locks) the rows of {@code records} as they are now: primary key -> row. */
    private Map<List<Object>, Map<String, Object>> lockCurrent(
            Connection c, TableSchemas.TableSchema table, List<ChangeRecord> records) throws SQLException {
        Set<List<Object>> keys = new LinkedHashSet<>();
        for (ChangeRecord r : records) {
            keys.add(keyOf(table, r.key()));
        }
        List<String> pk = table.primaryKey();
        String tuple =
                pk.size() == 1 ? "?" : "(" + String.join(",", java.util.Collections.nCopies(pk.size(), "?")) + ")";
        String keyExpr = pk.size() == 1
                ? quote(pk.get(0))
                : "(" + String.join(",", pk.stream().map(JdbcMerger::quote).toList()) + ")";
        String sql = "SELECT * FROM " + quote(table.schema()) + "." + quote(table.table()) + " WHERE " + keyExpr
                + " IN (" + String.join(",", java.util.Collections.nCopies(keys.size(), tuple)) + ") FOR UPDATE";
        Map<List<Object>, Map<String, Object>> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (List<Object> key : keys) {
                for (Object v : key) {
                    s.setObject(i++, v);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int col = 1; col <= n; col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    List<Object> key = new ArrayList<>();
                    for (String k : pk) {
                        key.add(normalize(row.get(k)));
                    }
                    rows.put(key, row);
                }
            }
        }
        return rows;
    }

    /** Writes winners; answers how many were parked for columns the table lacks. */
    private int upsert(Connection c, TableSchemas.TableSchema table, java.util.Collection<ChangeRecord> winners)
            throws SQLException {
        if (winners.isEmpty()) {
            return 0;
        }
        int parked = 0;
        Map<List<String>, List<ChangeRecord>> byColumns = new LinkedHashMap<>();
        for (ChangeRecord r : winners) {
            List<String> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String col : r.after().keySet()) {
                (table.columns().containsKey(col) ? present : missing).add(col);
            }
            if (!missing.isEmpty()) {
                // The column may have been added since we cached the schema.
                TableSchemas.TableSchema fresh = schemas.refresh(c, table.schema(), table.table());
                if (fresh != null
                        && fresh.columns().keySet().containsAll(r.after().keySet())) {
                    table = fresh;
                    present = new ArrayList<>(r.after().keySet());
                    missing = List.of();
                } else {
                    park(c, r, missing);
                    parked++;
                    metrics.parked();
                }
            }
            byColumns.computeIfAbsent(present, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<List<String>, List<ChangeRecord>> e : byColumns.entrySet()) {
            List<String> cols = e.getKey();
            List<ChangeRecord> rows = e.getValue();
            for (int from = 0; from < rows.size(); from += ROWS_PER_UPSERT) {
                List<ChangeRecord> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_UPSERT));
                try (PreparedStatement s = c.prepareStatement(upsertSql(table, cols, chunk.size()))) {
                    int i = 1;
                    for (ChangeRecord r : chunk) {
                        for (String col : cols) {
                            s.setObject(
                                    i++,
                                    toJdbc(r.after().get(col), table.columns().get(col)));
                        }
                    }
                    s.executeUpdate();
                }
            }
        }
        return parked;
    }

    /**
     * {@code INSERT ... VALUES (..), (..) ON DUPLICATE KEY UPDATE} of {@code rows} rows: every column takes the
     * incoming value, and {@code version = GREATEST(version + 1, incoming)}. One multi-row statement instead of a
     * batch of single-row ones: the server parses and plans it once (the winners of a batch have distinct
     * primary keys, so no row meets itself).
     */
    private static String upsertSql(TableSchemas.TableSchema table, List<String> cols, int rows) {
        String tuple = "(" + String.join(",", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(quote(table.schema()))
                .append('.')
                .append(quote(table.table()))
                .append(" (")
                .append(String.join(",", cols.stream().map(JdbcMerger::quote).toList()))
                .append(") VALUES ")
                .append(String.join(",", java.util.Collections.nCopies(rows, tuple)))
                .append(" ON DUPLICATE KEY UPDATE ");
        List<String> sets = new ArrayList<>();
        for (String col : cols) {
            if (!col.equals("version") && !table.primaryKey().contains(col)) {
                sets.add(quote(col) + " = VALUES(" + quote(col) + ")");
            }
        }
        // last, so it reads the version the row had before this statement
        sets.add("`version` = GREATEST(`version` + 1, VALUES(`version`))");
        return sql.append(String.join(", ", sets)).toString();
    }

    private void park(Connection c, ChangeRecord r, List<String> missing) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sync.parked_changes (schema_name, table_name,"
                        + " pk_json, hlc, origin_region, missing_columns, record_json, parked_at_ms) VALUES (?,?,?,?,?,?,?,?)")) {
            s.setString(1, r.schema());
            s.setString(2, r.table());
            s.setString(3, ChangeRecordCodec.encodeKey(r.key()));
            s.setLong(4, r.hlc());
            s.setInt(5, r.originRegion());
            s.setString(6, String.join(",", missing));
            s.setString(7, ChangeRecordCodec.encode(r));
            s.setLong(8, System.currentTimeMillis());
            s.executeUpdate();
        }
    }

    /**
     * Retries parked changes whose missing columns now exist: the parked values are written when
     * the row still holds the parked version, or where the row's value is still NULL (the column
     * was added after a newer version was written in a region that lacked it). Answers how many
     * were resolved.
     */
    int retryParked() throws SQLException {
        int resolved = 0;
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            List<Object[]> parked = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT id, record_json, missing_columns FROM sync.parked_changes ORDER BY id LIMIT 500");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parked.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (Object[] p : parked) {
                ChangeRecord r = ChangeRecordCodec.decode((String) p[1]);
                List<String> missing = List.of(((String) p[2]).split(","));
                TableSchemas.TableSchema table = schemas.refresh(c, r.schema(), r.table());
                if (table == null || !table.columns().keySet().containsAll(missing)) {
                    continue;
                }
                Map<String, Object> local = lockCurrent(c, table, List.of(r)).get(keyOf(table, r.key()));
                if (local != null) {
                    boolean same = ((Number) local.get("hlc")).longValue() == r.hlc()
                            && ((Number) local.get("origin_region")).intValue() == r.originRegion();
                    List<String> sets = new ArrayList<>();
                    for (String col : missing) {
                        sets.add(same ? quote(col) + " = ?" : quote(col) + " = COALESCE(" + quote(col) + ", ?)");
                    }
                    List<String> pk = table.primaryKey();
                    String where = String.join(
                            " AND ", pk.stream().map(k -> quote(k) + " = ?").toList());
                    try (PreparedStatement s = c.prepareStatement("UPDATE " + quote(table.schema()) + "."
                            + quote(table.table()) + " SET " + String.join(", ", sets) + " WHERE " + where)) {
                        int i = 1;
                        for (String col : missing) {
                            s.setObject(
                                    i++,
                                    toJdbc(r.after().get(col), table.columns().get(col)));
                        }
                        for (Object v : keyOf(table, r.key())) {
                            s.setObject(i++, v);
                        }
                        s.executeUpdate();
                    }
                } else {
                    applyIn(c, List.of(r));
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM sync.parked_changes WHERE id = ?")) {
                    s.setLong(1, (Long) p[0]);
                    s.executeUpdate();
                }
                resolved++;
            }
            c.commit();
        }
        return resolved;
    }

    private static void logConflicts(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO sync.conflict_log (schema_name, table_name,"
                + " pk_json, winner_hlc, winner_origin, loser_hlc, loser_origin, loser_row_json, detected_in,"
                + " detected_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static MergeKey mergeKeyOf(Map<String, Object> row, List<String> leading) {
        long[] values = new long[leading.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = row.get(leading.get(i));
            values[i] = v instanceof Number n ? n.longValue() : v instanceof Boolean b && b ? 1 : 0;
        }
        return new MergeKey(
                values, ((Number) row.get("hlc")).longValue(), ((Number) row.get("origin_region")).intValue());
    }

    private static List<Object> keyOf(TableSchemas.TableSchema table, Map<String, Object> key) {
        List<Object> values = new ArrayList<>(table.primaryKey().size());
        for (String k : table.primaryKey()) {
            if (!key.containsKey(k)) {
                throw new io.ridemesh.sync.ChangeRecordCodec.PoisonRecord(
                        "record key " + key + " lacks primary-key column " + k + " of " + table.table(), null);
            }
            values.add(normalize(key.get(k)));
        }
        return values;
    }

    /** Numbers compare by value whatever their boxed type (JSON Integer vs JDBC Long). */
    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        return v;
    }

    /** Converts a Debezium JSON value back to what the local column takes. */
    static Object toJdbc(Object value, String dataType) {
        if (value == null || dataType == null) {
            return value;
        }
        switch (dataType) {
            case "datetime", "timestamp" -> {
                if (value instanceof Number n) {
                    return LocalDateTime.ofInstant(Instant.ofEpochMilli(n.longValue()), ZoneOffset.UTC);
                }
            }
            case "date" -> {
                if (value instanceof Number n) {
                    return LocalDate.ofEpochDay(n.longValue());
                }
            }
            case "decimal" -> {
                return new BigDecimal(value.toString());
            }
            case "binary", "varbinary", "blob", "tinyblob", "mediumblob", "longblob" -> {
                if (value instanceof String s) {
                    return Base64.getDecoder().decode(s);
                }
            }
            default -> {
                if (value instanceof Boolean b) {
                    return b ? 1 : 0;
                }
            }
        }
        return value;
    }

    private static String encodeRow(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> copy = new TreeMap<>();
        row.forEach((k, v) ->
                copy.put(k, v == null ? null : v instanceof Number || v instanceof String ? v : v.toString()));
        return ChangeRecordCodec.encodeKey(copy);
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
