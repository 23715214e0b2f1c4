package io.ridemesh.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ridemesh.common.replication.MergeKey;
import java.util.List;
import java.util.Map;

/**
 * The compact change record of one replicated row version, as published to
 * {@code repl.<region>.<schema>.<table>} (ARCHITECTURE section 6). Keyed in Kafka by the primary
 * key so one row's versions stay in order on one partition.
 *
 * @param sourceRegion name of the region whose capture published it
 * @param schema database schema
 * @param table table name
 * @param key primary-key columns and values
 * @param op {@code c} insert, {@code u} update, {@code r} snapshot read, {@code d} hard delete
 *     (published as a tombstone version)
 * @param after the full row after the change (column name to JSON value)
 * @param hlc HLC of this version
 * @param prevHlc HLC of the version it replaced at its origin (from the binlog before-image; 0
 *     for an insert)
 * @param originRegion region id that made the write
 * @param version the row's version counter at the origin
 * @param gtid GTID of the source transaction, or empty
 * @param position binlog file and position, e.g. {@code mysql-bin.000003:1234}
 * @param commitMs source commit time in epoch ms (binlog header: second resolution)
 */
public record ChangeRecord(
        @JsonProperty("source_region") String sourceRegion,
        String schema,
        String table,
        Map<String, Object> key,
        String op,
        Map<String, Object> after,
        long hlc,
        @JsonProperty("prev_hlc") long prevHlc,
        @JsonProperty("origin_region") int originRegion,
        long version,
        String gtid,
        String position,
        @JsonProperty("commit_ms") long commitMs) {

    /** The merge key of this version under the table's leading columns. */
    public MergeKey mergeKey(List<String> leadingColumns) {
        long[] leading = new long[leadingColumns.size()];
        for (int i = 0; i < leading.length; i++) {
            Object v = after.get(leadingColumns.get(i));
            leading[i] = v instanceof Number n ? n.longValue() : 0L;
        }
        return new MergeKey(leading, hlc, originRegion);
    }

    /** {@code schema.table}. */
    @JsonIgnore
    public String qualifiedTable() {
        return schema + "." + table;
    }
}
