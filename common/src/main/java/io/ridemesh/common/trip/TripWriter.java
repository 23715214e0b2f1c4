package io.ridemesh.common.trip;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes trips in the {@link TripFormat#CANONICAL canonical} layout: the header {@value #CANONICAL_HEADER}, then one
 * line per trip with the UTC pickup instant in ISO-8601, coordinates as shortest round-trip decimals, durations in
 * seconds, distances in metres and fares in cents. {@link Trip#totalCents()} is not part of the layout.
 *
 * <p>Not thread-safe. The header is written before the first trip (or on close if there was none).
 */
public final class TripWriter implements Closeable {

    /** The canonical header line. */
    public static final String CANONICAL_HEADER = "trip_id,city,pickup_time_utc,pickup_lat,pickup_lon,dropoff_lat,"
            + "dropoff_lon,duration_s,distance_m,fare_cents,driver_key";

    private final Writer out;
    private boolean headerWritten;

    /** Writes to {@code out}; closing this writer closes it. */
    public TripWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    }

    /** Creates or truncates {@code file}, gzip'd when its name ends with {@code .gz}. */
    public static TripWriter create(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new TripWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
    }

    /** Appends one trip. */
    public void write(Trip trip) throws IOException {
        header();
        out.write(Csv.quote(trip.sourceId()));
        out.write(',');
        out.write(Csv.quote(trip.city()));
        out.write(',');
        out.write(trip.pickupTime().toString());
        out.write(',');
        out.write(Double.toString(trip.pickupLat()));
        out.write(',');
        out.write(Double.toString(trip.pickupLon()));
        out.write(',');
        out.write(Double.toString(trip.dropoffLat()));
        out.write(',');
        out.write(Double.toString(trip.dropoffLon()));
        out.write(',');
        out.write(Long.toString(trip.durationSeconds()));
        out.write(',');
        out.write(Long.toString(trip.distanceMetres()));
        out.write(',');
        out.write(Long.toString(trip.fareCents()));
        out.write(',');
        out.write(Csv.quote(trip.driverKey()));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        try {
            header();
        } finally {
            out.close();
        }
    }

    private void header() throws IOException {
        if (!headerWritten) {
            out.write(CANONICAL_HEADER);
            out.write('\n');
            headerWritten = true;
        }
    }
}
