package io.ridemesh.gateway.region;

/** Port: the current health of each region as seen by this gateway. Implementations are thread-safe. */
public interface RegionStatuses {

    /** The status of {@code region} at the last probe round ({@link RegionStatus#unknown} before the first). */
    RegionStatus of(Region region);
}
