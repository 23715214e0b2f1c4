package io.ridemesh.common.hlc;

/**
 * A remote HLC timestamp was more than {@code maxOffset} ahead of the local wall clock, so
 * {@link HybridLogicalClock#update(long)} refused to adopt it.
 *
 * <p>Accepting it would drag every later local timestamp (and so every row this node writes) into the future of a
 * peer whose clock is broken. The usual cause is a node without working NTP, on either side. The local clock is left
 * untouched and the rejection is counted in {@link HybridLogicalClock#rejectedRemotes()}.
 */
public final class ClockOffsetExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long remote;
    private final long localPhysicalMs;
    private final long maxOffsetMs;

    /**
     * @param remote the rejected HLC timestamp
     * @param localPhysicalMs the local wall clock when it was checked, ms since the Unix epoch
     * @param maxOffsetMs the tolerated offset, ms
     */
    public ClockOffsetExceeded(long remote, long localPhysicalMs, long maxOffsetMs) {
        super("remote HLC " + HybridLogicalClock.format(remote) + " is "
                + (HybridLogicalClock.physicalMs(remote) - localPhysicalMs)
                + " ms ahead of the local wall clock (" + localPhysicalMs + " ms since epoch), more than maxOffset "
                + maxOffsetMs + " ms; check clock synchronisation (NTP) on both nodes");
        this.remote = remote;
        this.localPhysicalMs = localPhysicalMs;
        this.maxOffsetMs = maxOffsetMs;
    }

    /** The rejected HLC timestamp. */
    public long remote() {
        return remote;
    }

    /** The local wall clock when the remote timestamp was checked, ms since the Unix epoch. */
    public long localPhysicalMs() {
        return localPhysicalMs;
    }

    /** The tolerated offset, ms. */
    public long maxOffsetMs() {
        return maxOffsetMs;
    }
}
