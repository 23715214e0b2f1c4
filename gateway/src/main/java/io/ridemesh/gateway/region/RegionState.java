package io.ridemesh.gateway.region;

/** A region's health as this gateway's probes see it. */
public enum RegionState {
    /** Not probed yet. */
    UNKNOWN,
    /** Every probed service answered healthy. */
    UP,
    /** Some services answered healthy, some did not. */
    DEGRADED,
    /** No service answered healthy: the region is declared down. */
    DOWN
}
