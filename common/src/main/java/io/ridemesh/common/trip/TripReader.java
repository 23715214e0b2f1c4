package io.ridemesh.common.trip;

import io.ridemesh.common.unit.UnitMap;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Streams {@link Trip}s from a trip CSV file ({@code .csv} or gzip'd, detected by its magic bytes, not its name),
 * recognising the {@link TripFormat layout} by its header line and counting left-out rows by {@link SkipReason} in
 * {@link #stats()}.
 *
 * <p><b>Times.</b> NYC {@code pickup_datetime} is America/New_York wall-clock time; Chicago
 * {@code trip_start_timestamp} is epoch seconds that encode America/Chicago wall-clock time as if it were UTC (its UTC
 * hour equals {@code trip_start_hour}, see {@code shared/data/README.md}). Both are converted to real UTC instants
 * with {@link java.time.ZonedDateTime#of}: a wall time in a spring-forward gap moves forward by the gap, one in the
 * autumn overlap takes the earlier (daylight) offset.
 *
 * <p><b>Areas.</b> A trip is {@link SkipReason#OUT_OF_AREA out of area} when a point lies outside the service area
 * of the unit whose code is its city ({@link UnitMap#standard()}: nyc, chicago). Other canonical cities only need
 * valid coordinates.
 *
 * <p><b>Money.</b> {@link Trip#fareCents()} is NYC {@code fare_amount} (metered fare, without surcharge, MTA tax, tip
 * and tolls) or Chicago {@code fare} (metered fare, without tips, tolls and extras); {@link Trip#totalCents()} is
 * NYC {@code total_amount}, Chicago {@code trip_total} when present, else {@link Trip#UNKNOWN_TOTAL}.
 *
 * <p>Not thread-safe: one reader, one consumer. The stream or iterator can be consumed once. Closing the stream
 * returned by {@link #trips()} closes the reader. I/O errors while streaming surface as {@link UncheckedIOException}.
 */
public final class TripReader implements Closeable, Iterable<Trip> {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter NYC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern NYC_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final List<String> DEBS_COLUMNS = List.of(
            "medallion",
            "hack_license",
            "pickup_datetime",
            "dropoff_datetime",
            "trip_time_in_secs",
            "trip_distance",
            "pickup_longitude",
            "pickup_latitude",
            "dropoff_longitude",
            "dropoff_latitude",
            "payment_type",
            "fare_amount",
            "surcharge",
            "mta_tax",
            "tip_amount",
            "tolls_amount",
            "total_amount");

    private final BufferedReader in;
    private final String source;
    private final TripFormat format;
    private final Map<String, Integer> columns;
    private final EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private String pendingLine;
    private long lineNumber;
    private long rowsRead;
    private long accepted;
    private boolean iterated;

    private TripReader(BufferedReader in, String source) throws IOException {
        this.in = in;
        this.source = source;
        String first = in.readLine();
        while (first != null && first.isBlank()) {
            first = in.readLine();
            lineNumber++;
        }
        if (first == null) {
            throw new IOException(source + ": empty file, expected a trip CSV header");
        }
        lineNumber++;
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = Csv.split(first);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (index.containsKey("medallion") && index.containsKey("trip_time_in_secs")) {
            format = TripFormat.NYC_DEBS2015;
        } else if (index.containsKey("trip_start_timestamp") && index.containsKey("trip_seconds")) {
            format = TripFormat.CHICAGO_TFX;
        } else if (index.containsKey("trip_id") && index.containsKey("pickup_time_utc")) {
            format = TripFormat.CANONICAL;
        } else if (header.size() == DEBS_COLUMNS.size()
                && NYC_TIME_SHAPE.matcher(header.get(2).strip()).matches()) {
            // The DEBS 2015 challenge shipped its files without a header: this line is already data.
            format = TripFormat.NYC_DEBS2015;
            index.clear();
            for (int i = 0; i < DEBS_COLUMNS.size(); i++) {
                index.put(DEBS_COLUMNS.get(i), i);
            }
            pendingLine = first;
            lineNumber--;
        } else {
            throw new IOException(source + ": unrecognised trip CSV header (expected NYC DEBS 2015, Chicago TFX or "
                    + "canonical '" + TripWriter.CANONICAL_HEADER + "'): " + abbreviate(first));
        }
        this.columns = Map.copyOf(index);
    }

    /**
     * Opens {@code file}, plain or gzip'd, and reads its header.
     *
     * @throws IOException if the file cannot be read or its header matches no known layout
     */
    public static TripReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream decoded = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new TripReader(
                    new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8), 1 << 16),
                    String.valueOf(file.getFileName()));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads trips from already-decoded text (tests, stdin).
     *
     * @param source a label for {@link #stats()} and messages
     * @throws IOException if the header cannot be read or matches no known layout
     */
    public static TripReader of(Reader text, String source) throws IOException {
        return new TripReader(text instanceof BufferedReader b ? b : new BufferedReader(text), source);
    }

    /** The layout recognised from the header. */
    public TripFormat format() {
        return format;
    }

    /** Rows read, accepted and skipped so far; complete once the stream or iterator is exhausted. */
    public TripReadStats stats() {
        return new TripReadStats(source, format, rowsRead, accepted, skipped);
    }

    /** The accepted trips, in file order, lazily. Closing the stream closes this reader. */
    public Stream<Trip> trips() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::closeQuietly);
    }

    /**
     * The accepted trips, in file order, lazily; may be called once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<Trip> iterator() {
        if (iterated) {
            throw new IllegalStateException(source + ": trips can be iterated once, but iteration already started");
        }
        iterated = true;
        return new Iterator<>() {
            private Trip next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Trip next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(source + ": no more trips");
                }
                Trip t = next;
                next = null;
                return t;
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Trip advance() {
        try {
            String line;
            while ((line = nextLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                rowsRead++;
                RowResult result = parse(line);
                if (result instanceof RowResult.Accepted a) {
                    accepted++;
                    return a.trip();
                }
                skipped.merge(((RowResult.Skipped) result).reason(), 1L, Long::sum);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": read failed after line " + lineNumber, e);
        }
    }

    private String nextLine() throws IOException {
        if (pendingLine != null) {
            String l = pendingLine;
            pendingLine = null;
            return l;
        }
        return in.readLine();
    }

    private RowResult parse(String line) {
        List<String> cells = Csv.split(line);
        if (cells.size() < columns.size()) {
            return RowResult.skip(SkipReason.UNPARSEABLE);
        }
        Fields f = new Fields(columns, cells);
        try {
            return switch (format) {
                case NYC_DEBS2015 -> nyc(f);
                case CHICAGO_TFX -> chicago(f);
                case CANONICAL -> canonical(f);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return RowResult.skip(SkipReason.UNPARSEABLE);
        }
    }

    private RowResult nyc(Fields f) {
        Coordinates c = Coordinates.parse(
                f, "nyc", "pickup_latitude", "pickup_longitude", "dropoff_latitude", "dropoff_longitude");
        if (c.skip != null) {
            return RowResult.skip(c.skip);
        }
        if (anyBlank(f, "pickup_datetime", "trip_time_in_secs", "trip_distance", "fare_amount")) {
            return RowResult.skip(SkipReason.MISSING_VALUE);
        }
        Instant pickup = LocalDateTime.parse(f.get("pickup_datetime"), NYC_TIME)
                .atZone(NEW_YORK)
                .toInstant();
        long total = f.blank("total_amount") ? Trip.UNKNOWN_TOTAL : f.cents("total_amount");
        return trip(
                "nyc-debs2015:" + lineNumber,
                "nyc",
                pickup,
                c,
                f.seconds("trip_time_in_secs"),
                f.milesAsMetres("trip_distance"),
                f.cents("fare_amount"),
                total,
                f.get("medallion"));
    }

    private RowResult chicago(Fields f) {
        Coordinates c = Coordinates.parse(
                f, "chicago", "pickup_latitude", "pickup_longitude", "dropoff_latitude", "dropoff_longitude");
        if (c.skip != null) {
            return RowResult.skip(c.skip);
        }
        if (anyBlank(f, "trip_start_timestamp", "trip_seconds", "trip_miles", "fare")) {
            return RowResult.skip(SkipReason.MISSING_VALUE);
        }
        // The timestamp is Chicago wall-clock time written as if it were UTC: read the wall time back, then zone it.
        LocalDateTime wall =
                LocalDateTime.ofEpochSecond(Long.parseLong(f.get("trip_start_timestamp")), 0, ZoneOffset.UTC);
        long total = f.has("trip_total") && !f.blank("trip_total") ? f.cents("trip_total") : Trip.UNKNOWN_TOTAL;
        return trip(
                "chicago-tfx:" + lineNumber,
                "chicago",
                wall.atZone(CHICAGO).toInstant(),
                c,
                f.seconds("trip_seconds"),
                f.milesAsMetres("trip_miles"),
                f.cents("fare"),
                total,
                f.get("taxi_id"));
    }

    private RowResult canonical(Fields f) {
        if (f.blank("trip_id") || f.blank("city")) {
            return RowResult.skip(SkipReason.MISSING_VALUE);
        }
        String city = f.get("city").toLowerCase(java.util.Locale.ROOT);
        Coordinates c = Coordinates.parse(f, city, "pickup_lat", "pickup_lon", "dropoff_lat", "dropoff_lon");
        if (c.skip != null) {
            return RowResult.skip(c.skip);
        }
        if (anyBlank(f, "pickup_time_utc", "duration_s", "distance_m", "fare_cents")) {
            return RowResult.skip(SkipReason.MISSING_VALUE);
        }
        long total = f.has("total_cents") && !f.blank("total_cents")
                ? Long.parseLong(f.get("total_cents"))
                : Trip.UNKNOWN_TOTAL;
        return trip(
                f.get("trip_id"),
                city,
                Instant.parse(f.get("pickup_time_utc")),
                c,
                Long.parseLong(f.get("duration_s")),
                Long.parseLong(f.get("distance_m")),
                Long.parseLong(f.get("fare_cents")),
                total,
                f.get("driver_key"));
    }

    private static RowResult trip(
            String sourceId,
            String city,
            Instant pickup,
            Coordinates c,
            long durationSeconds,
            long distanceMetres,
            long fareCents,
            long totalCents,
            String driverKey) {
        if (durationSeconds <= 0) {
            return RowResult.skip(SkipReason.ZERO_DURATION);
        }
        if (distanceMetres <= 0) {
            return RowResult.skip(SkipReason.ZERO_DISTANCE);
        }
        if (fareCents < 0) {
            return RowResult.skip(SkipReason.NEGATIVE_FARE);
        }
        if (totalCents < Trip.UNKNOWN_TOTAL) {
            return RowResult.skip(SkipReason.UNPARSEABLE);
        }
        return new RowResult.Accepted(new Trip(
                sourceId,
                city,
                pickup,
                c.pickupLat,
                c.pickupLon,
                c.dropoffLat,
                c.dropoffLon,
                durationSeconds,
                distanceMetres,
                fareCents,
                totalCents,
                driverKey));
    }

    private static boolean anyBlank(Fields f, String... columnNames) {
        for (String c : columnNames) {
            if (f.blank(c)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** Parsed and checked coordinates, or the reason they are unusable. */
    private static final class Coordinates {
        double pickupLat;
        double pickupLon;
        double dropoffLat;
        double dropoffLon;
        SkipReason skip;

        static Coordinates parse(
                Fields f, String city, String pickupLat, String pickupLon, String dropoffLat, String dropoffLon) {
            Coordinates c = new Coordinates();
            if (anyBlank(f, pickupLat, pickupLon, dropoffLat, dropoffLon)) {
                c.skip = SkipReason.MISSING_COORDINATES;
                return c;
            }
            c.pickupLat = f.decimal(pickupLat);
            c.pickupLon = f.decimal(pickupLon);
            c.dropoffLat = f.decimal(dropoffLat);
            c.dropoffLon = f.decimal(dropoffLon);
            if (c.pickupLat == 0 || c.pickupLon == 0 || c.dropoffLat == 0 || c.dropoffLon == 0) {
                c.skip = SkipReason.ZERO_COORDINATES;
            } else if (!inArea(city, c.pickupLat, c.pickupLon) || !inArea(city, c.dropoffLat, c.dropoffLon)) {
                c.skip = SkipReason.OUT_OF_AREA;
            }
            return c;
        }

        private static boolean inArea(String city, double lat, double lon) {
            return UnitMap.standard()
                    .byCode(city)
                    .map(u -> u.area().contains(lat, lon))
                    .orElse(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);
        }
    }
}
