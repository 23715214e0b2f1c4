package io.ridemesh.simulator.demo;

import io.ridemesh.common.trip.Trip;
import io.ridemesh.common.trip.TripReader;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trips to replay and when, as offsets from the replay start in trip time (before speed-up).
 *
 * <p>Each file is mapped onto one replay window ({@code window}, default 60 min): a file whose
 * pickups span at most the window (the NYC hour) keeps its real offsets from its first pickup;
 * a longer one (the Chicago sample spans four years) is folded by time of day onto the window:
 * offset = seconds-of-day of the pickup (UTC-encoded local time) / 86,400 x window. Every trip
 * keeps its real duration and distance. Rows the readers reject are counted by reason.
 *
 * @param trips trips ordered by offset
 * @param skipped rows skipped, by file and reason
 */
record ReplayPlan(List<Planned> trips, Map<String, Map<String, Long>> skipped) {

    /** A trip and its replay offset (trip time, before speed-up). */
    record Planned(Trip trip, Duration offset, int unitId) {}

    static ReplayPlan load(List<Path> files, Duration window, int limitPerFile) throws IOException {
        List<Planned> all = new ArrayList<>();
        Map<String, Map<String, Long>> skipped = new LinkedHashMap<>();
        for (Path file : files) {
            List<Trip> trips = new ArrayList<>();
            Map<String, Long> reasons = new TreeMap<>();
            try (TripReader reader = TripReader.open(file)) {
                for (Trip t : reader) {
                    trips.add(t);
                }
                for (var reason : io.ridemesh.common.trip.SkipReason.values()) {
                    long n = reader.stats().skipped(reason);
                    if (n > 0) {
                        reasons.put(reason.name().toLowerCase(java.util.Locale.ROOT), n);
                    }
                }
            }
            List<Planned> planned = new ArrayList<>();
            for (Trip t : trips) {
                int unit = unitOf(t);
                if (unit == 0) {
                    reasons.merge("outside_served_units", 1L, Long::sum);
                    continue;
                }
                planned.add(new Planned(t, Duration.ZERO, unit));
            }
            if (planned.isEmpty()) {
                skipped.put(file.getFileName().toString(), reasons);
                continue;
            }
            long first = planned.stream()
                    .mapToLong(p -> p.trip().pickupTime().toEpochMilli())
                    .min()
                    .orElse(0);
            long last = planned.stream()
                    .mapToLong(p -> p.trip().pickupTime().toEpochMilli())
                    .max()
                    .orElse(0);
            boolean fold = last - first > window.toMillis();
            List<Planned> mapped = new ArrayList<>();
            for (Planned p : planned) {
                long offsetMs = fold
                        ? (long) (p.trip()
                                        .pickupTime()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalTime()
                                        .toSecondOfDay()
                                / 86_400.0
                                * window.toMillis())
                        : p.trip().pickupTime().toEpochMilli() - first;
                mapped.add(new Planned(p.trip(), Duration.ofMillis(offsetMs), p.unitId()));
            }
            mapped.sort(Comparator.comparing(Planned::offset));
            if (limitPerFile > 0 && mapped.size() > limitPerFile) {
                // an even sample over the whole window, not just its beginning
                List<Planned> sample = new ArrayList<>();
                double step = mapped.size() / (double) limitPerFile;
                for (int i = 0; i < limitPerFile; i++) {
                    sample.add(mapped.get((int) (i * step)));
                }
                reasons.put("not_sampled", (long) (mapped.size() - sample.size()));
                mapped = sample;
            }
            all.addAll(mapped);
            skipped.put(file.getFileName().toString(), reasons);
        }
        all.sort(Comparator.comparing(Planned::offset));
        return new ReplayPlan(all, skipped);
    }

    /**
     * The id of the unit ({@link UnitMap#standard()}) whose area holds both the pickup and the dropoff, 0 if none
     * does.
     */
    static int unitOf(Trip t) {
        return UnitMap.standard()
                .at(t.pickupLat(), t.pickupLon())
                .filter(u -> u.area().contains(t.dropoffLat(), t.dropoffLon()))
                .map(UnitDefinition::id)
                .orElse(0);
    }
}
