package io.ridemesh.common.trip;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one {@link TripReader} has read so far: data rows seen, trips accepted and rows skipped by reason.
 *
 * <p>An immutable snapshot; thread-safe.
 *
 * @param source the file name or label given to the reader
 * @param format the detected layout
 * @param rowsRead data rows seen (header excluded, blank lines ignored)
 * @param accepted rows returned as {@link Trip}s
 * @param skipped rows left out, by reason; reasons with no row are absent
 */
public record TripReadStats(
        String source, TripFormat format, long rowsRead, long accepted, Map<SkipReason, Long> skipped) {

    public TripReadStats {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        EnumMap<SkipReason, Long> copy = new EnumMap<>(SkipReason.class);
        skipped.forEach((reason, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("skipped[" + reason.code() + "] must be >= 0, but was " + count);
            }
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        skipped = Collections.unmodifiableMap(copy);
        long skippedTotal = copy.values().stream().mapToLong(Long::longValue).sum();
        if (accepted < 0 || accepted + skippedTotal != rowsRead) {
            throw new IllegalArgumentException("accepted + skipped must equal rowsRead " + rowsRead + ", but was "
                    + accepted + " + " + skippedTotal);
        }
    }

    /** All rows left out, whatever the reason. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows left out for {@code reason}; 0 when none. */
    public long skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    /** One line for logs and reports, e.g. {@code nyc.csv.gz (NYC_DEBS2015): 10004 rows, 9828 trips, skipped 176 {zero_coordinates=176}}. */
    @Override
    public String toString() {
        String reasons = skipped.entrySet().stream()
                .map(e -> e.getKey().code() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return source + " (" + format + "): " + rowsRead + " rows, " + accepted + " trips, skipped " + skippedTotal()
                + " " + reasons;
    }
}
