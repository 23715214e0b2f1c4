package io.ridemesh.order.ride.domain;

/**
 * The replicated-row revision a ride was read at (ARCHITECTURE.md section 2): its {@code version} and {@code hlc}.
 * A write is a compare-and-set on both, so it fails if anything, a local write or a replicated one from another
 * region, changed the row since it was read. Immutable; thread-safe.
 *
 * @param version per-row write counter, {@code >= 1} once stored, {@code 0} for a ride not stored yet
 * @param hlc hybrid logical clock timestamp of the last write, {@code >= 0}
 * @throws IllegalArgumentException if a value is negative
 */
public record Revision(long version, long hlc) {

    /** The revision of a ride that was never stored. */
    public static final Revision NEW = new Revision(0, 0);

    public Revision {
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, but was " + version);
        }
        if (hlc < 0) {
            throw new IllegalArgumentException("hlc must be >= 0, but was " + hlc);
        }
    }

    /** Whether the ride was stored already. */
    public boolean isStored() {
        return version > 0;
    }
}
