package io.ridemesh.gateway.region;

/** Port: the current health of each region as seen by this gateway. Implementations are thread-safe. */
public interface RegionStatuses {

    /** The status of {@code region} at the last probe round ({@link RegionStatus#unknown} before the first). */
    RegionStatus of(Region region);

    /**
     * Records of the other regions' changes that {@code region}'s sync-sink has not applied yet, as last read: empty
     * when this gateway reads no sync-sink of that region (none configured), -1 when it could not read it.
     */
    default java.util.OptionalLong applyBacklog(Region region) {
        return java.util.OptionalLong.empty();
    }
}
