package io.ridemesh.common.replication;

import io.ridemesh.common.hlc.HybridLogicalClock;
import java.util.Arrays;

/**
 * The total order in which replicated versions of one row are merged (ARCHITECTURE section 2):
 * optional leading columns whose value never decreases across a row's own writes (rides:
 * {@code terminal}), then the HLC timestamp, then the origin region as the final tie-breaker.
 * "Keep the max" under this order is commutative, associative and idempotent, so every region
 * converges whatever the delivery order, duplicates or replays.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leading values of the table's leading merge columns, in order (often empty)
 * @param hlc the version's HLC timestamp
 * @param originRegion id of the region that wrote the version
 */
public record MergeKey(long[] leading, long hlc, int originRegion) implements Comparable<MergeKey> {

    public MergeKey {
        if (hlc < 0) {
            throw new IllegalArgumentException("hlc must be >= 0, but was " + hlc);
        }
        if (originRegion < 0) {
            throw new IllegalArgumentException("originRegion must be >= 0, but was " + originRegion);
        }
        leading = leading.clone();
    }

    /** A key without leading columns: the default {@code (hlc, origin_region)}. */
    public static MergeKey of(long hlc, int originRegion) {
        return new MergeKey(new long[0], hlc, originRegion);
    }

    @Override
    public long[] leading() {
        return leading.clone();
    }

    @Override
    public int compareTo(MergeKey other) {
        int n = Math.min(leading.length, other.leading.length);
        for (int i = 0; i < n; i++) {
            int c = Long.compare(leading[i], other.leading[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(leading.length, other.leading.length);
        if (c != 0) {
            return c;
        }
        c = Long.compare(hlc, other.hlc);
        return c != 0 ? c : Integer.compare(originRegion, other.originRegion);
    }

    /** True if this key orders strictly after {@code other}. */
    public boolean isAfter(MergeKey other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeKey k
                && hlc == k.hlc
                && originRegion == k.originRegion
                && Arrays.equals(leading, k.leading);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(leading) + Long.hashCode(hlc)) + originRegion;
    }

    @Override
    public String toString() {
        return (leading.length == 0 ? "" : Arrays.toString(leading) + "/")
                + HybridLogicalClock.format(hlc)
                + "@"
                + originRegion;
    }
}
