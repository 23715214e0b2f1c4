package io.ridemesh.gateway.failover.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which surviving region takes an evacuated region's units. Pure; thread-safe. */
public final class TargetChoice {

    private TargetChoice() {}

    /**
     * The candidate homing the fewest units, ties to the lowest id: spreading evacuations keeps one survivor from
     * taking every unit when several are healthy.
     *
     * @param candidates ids of the regions able to serve (healthy, not the evacuated one)
     * @param unitsHomed per region id, how many units it homes now (absent = 0)
     * @return empty if there is no candidate
     */
    public static Optional<Integer> leastLoaded(List<Integer> candidates, Map<Integer, Integer> unitsHomed) {
        return candidates.stream()
                .min(Comparator.comparingInt((Integer r) -> unitsHomed.getOrDefault(r, 0))
                        .thenComparingInt(r -> r));
    }
}
