package io.ridemesh.common.hlc;

/**
 * Durable high-water mark of one {@link HybridLogicalClock}, so that a restarted node never issues a timestamp at or
 * below one it issued before the restart, even if its wall clock stepped back meanwhile.
 *
 * <p>The clock persists an <em>upper bound</em> ahead of what it issues (see
 * {@link HybridLogicalClock#create(java.time.InstantSource, java.time.Duration, HlcStore)}), so a store is written
 * about twice a second under load, not on every timestamp.
 *
 * <p>Implementations must be thread-safe; the clock calls them from whichever thread needs a new bound, one at a
 * time. Failures are reported as unchecked exceptions ({@link HlcStoreUnavailable} for the bundled ones); the clock
 * then refuses to issue timestamps beyond the last bound it persisted.
 */
public interface HlcStore {

    /**
     * The last persisted upper bound, an HLC timestamp (see {@link HybridLogicalClock#of(long, int)}), or {@code 0}
     * if nothing was ever persisted for this node.
     */
    long load();

    /**
     * Durably records {@code upperBound}, an HLC timestamp greater than every timestamp the clock will issue until the
     * next call. Returns only once the value would survive a crash. A lower value than the one stored may be ignored.
     */
    void persist(long upperBound);
}
