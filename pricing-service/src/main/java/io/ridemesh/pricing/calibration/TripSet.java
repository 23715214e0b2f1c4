package io.ridemesh.pricing.calibration;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.common.trip.TripReadStats;
import io.ridemesh.common.trip.TripReader;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.ServiceUnits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real trips grouped by unit, ready to fit or to score, with every left-out row counted by reason: the reader's
 * reasons ({@code zero_coordinates}, ...) plus {@code unknown_unit} (the trip's city is no configured unit),
 * {@code outside_service_area} (an end point outside the unit's area) and {@code zero_fare} (nothing to compare a
 * price with). Immutable after {@link #read}; thread-safe.
 */
public final class TripSet {

    private final Map<String, List<Trip>> tripsByUnit;
    private final Map<String, Map<String, Long>> skippedByUnit;
    private final List<TripReadStats> files;

    private TripSet(
            Map<String, List<Trip>> tripsByUnit,
            Map<String, Map<String, Long>> skippedByUnit,
            List<TripReadStats> files) {
        this.tripsByUnit = tripsByUnit;
        this.skippedByUnit = skippedByUnit;
        this.files = files;
    }

    /**
     * Reads every file fully. Rows a reader skips are charged to the unit of that file's accepted trips (each sample
     * file holds one city).
     *
     * @throws IOException if a file cannot be read or has an unknown layout
     */
    public static TripSet read(List<Path> paths, ServiceUnits units) throws IOException {
        Map<String, List<Trip>> trips = new TreeMap<>();
        Map<String, Map<String, Long>> skipped = new TreeMap<>();
        List<TripReadStats> stats = new ArrayList<>();
        for (Path path : paths) {
            String fileUnit = null;
            try (TripReader reader = TripReader.open(path)) {
                for (Trip t : reader) {
                    String code = t.city();
                    fileUnit = code;
                    ServiceUnit unit = units.byCode(code).orElse(null);
                    String reason = null;
                    if (unit == null) {
                        reason = "unknown_unit";
                    } else if (!unit.serves(new GeoPoint(t.pickupLat(), t.pickupLon()))
                            || !unit.serves(new GeoPoint(t.dropoffLat(), t.dropoffLon()))) {
                        reason = "outside_service_area";
                    } else if (t.fareCents() <= 0) {
                        reason = "zero_fare";
                    }
                    if (reason == null) {
                        trips.computeIfAbsent(code, k -> new ArrayList<>()).add(t);
                    } else {
                        skipped.computeIfAbsent(code, k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
                    }
                }
                TripReadStats s = reader.stats();
                stats.add(s);
                String charged = fileUnit != null ? fileUnit : fileLabel(s);
                s.skipped().forEach((reason, count) -> skipped.computeIfAbsent(charged, k -> new TreeMap<>())
                        .merge(reason.code(), count, Long::sum));
            }
        }
        Map<String, List<Trip>> frozen = new LinkedHashMap<>();
        trips.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        Map<String, Map<String, Long>> frozenSkipped = new LinkedHashMap<>();
        skipped.forEach((k, v) -> frozenSkipped.put(k, Map.copyOf(v)));
        return new TripSet(frozen, frozenSkipped, List.copyOf(stats));
    }

    private static String fileLabel(TripReadStats s) {
        return switch (s.format()) {
            case NYC_DEBS2015 -> "nyc";
            case CHICAGO_TFX -> "chicago";
            case CANONICAL -> "unknown";
        };
    }

    /** Unit codes with accepted trips or skipped rows, sorted. */
    public List<String> unitCodes() {
        var codes = new java.util.TreeSet<String>();
        codes.addAll(tripsByUnit.keySet());
        codes.addAll(skippedByUnit.keySet());
        return List.copyOf(codes);
    }

    /** Accepted trips of {@code unitCode}, in file order. */
    public List<Trip> trips(String unitCode) {
        return tripsByUnit.getOrDefault(unitCode, List.of());
    }

    /** Left-out rows of {@code unitCode} by reason code. */
    public Map<String, Long> skipped(String unitCode) {
        return skippedByUnit.getOrDefault(unitCode, Map.of());
    }

    /** All left-out rows of {@code unitCode}. */
    public long skippedTotal(String unitCode) {
        return skipped(unitCode).values().stream().mapToLong(Long::longValue).sum();
    }

    /** What each reader reported, in file order. */
    public List<TripReadStats> files() {
        return files;
    }
}
