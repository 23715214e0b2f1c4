package io.ridemesh.gateway.health;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replication lag of one (source, target) pair, read from the target's sync-sink timer {@code sync.apply.lag} (source
 * commit, by the row's HLC, to applied in the target). Best effort. Immutable; thread-safe.
 *
 * @param source region the rows came from (tag {@code source})
 * @param target region that applied them (tag {@code target})
 * @param recentMeanMs mean lag of the rows applied since the previous probe, null if none were
 * @param maxMs the timer's recent maximum (Micrometer's decaying max), null if unknown
 * @param applied rows applied since the sync-sink started
 * @param sampledAtMs epoch ms of the probe
 */
public record LagSample(
        String source,
        String target,
        @Nullable Double recentMeanMs,
        @Nullable Double maxMs,
        long applied,
        long sampledAtMs) {

    public LagSample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
