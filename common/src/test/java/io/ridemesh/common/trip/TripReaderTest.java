package io.ridemesh.common.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TripReaderTest {

    static final String NYC_HEADER = "medallion,hack_license,pickup_datetime,dropoff_datetime,trip_time_in_secs,"
            + "trip_distance,pickup_longitude,pickup_latitude,dropoff_longitude,dropoff_latitude,payment_type,"
            + "fare_amount,surcharge,mta_tax,tip_amount,tolls_amount,total_amount";
    static final String NYC_ROW = "07290D3599E7A0D62097A346EFCC1FB5,E7750A37CAB07D0DFF0AF7E3573AC141,"
            + "2013-01-01 00:00:00,2013-01-01 00:02:00,120,0.44,-73.956528,40.716976,-73.962440,40.715008,CSH,"
            + "3.50,0.50,0.50,0.00,0.00,4.50";
    static final String CHICAGO_HEADER = "pickup_community_area,fare,trip_start_month,trip_start_hour,trip_start_day,"
            + "trip_start_timestamp,pickup_latitude,pickup_longitude,dropoff_latitude,dropoff_longitude,trip_miles,"
            + "pickup_census_tract,dropoff_census_tract,payment_type,company,trip_seconds,dropoff_community_area,tips";

    @Test
    void readsNycDebsRowAsMeteredFareAndRealUtcInstant() throws IOException {
        List<Trip> trips = read(NYC_HEADER + "\n" + NYC_ROW + "\n");

        assertThat(trips).singleElement().satisfies(t -> {
            assertThat(t.city()).isEqualTo("nyc");
            assertThat(t.sourceId()).isEqualTo("nyc-debs2015:2");
            // 00:00 EST (UTC-5) on 1 January is 05:00 UTC.
            assertThat(t.pickupTime()).isEqualTo(Instant.parse("2013-01-01T05:00:00Z"));
            assertThat(t.pickupLat()).isEqualTo(40.716976);
            assertThat(t.pickupLon()).isEqualTo(-73.956528);
            assertThat(t.durationSeconds()).isEqualTo(120);
            assertThat(t.distanceMetres()).isEqualTo(708); // 0.44 mi x 1609.344 = 708.1 m
            assertThat(t.fareCents()).isEqualTo(350);
            assertThat(t.totalCents()).isEqualTo(450);
            assertThat(t.driverKey()).isEqualTo("07290D3599E7A0D62097A346EFCC1FB5");
        });
    }

    @Test
    void convertsNycSummerWallTimeWithDaylightSaving() throws IOException {
        String row = NYC_ROW.replace("2013-01-01 00:00:00", "2013-07-01 12:30:00");

        List<Trip> trips = read(NYC_HEADER + "\n" + row);

        assertThat(trips.get(0).pickupTime()).isEqualTo(Instant.parse("2013-07-01T16:30:00Z"));
    }

    @Test
    void readsHeaderlessDebsFileAsTheChallengeShippedIt() throws IOException {
        TripReader reader = TripReader.of(new StringReader(NYC_ROW + "\n" + NYC_ROW + "\n"), "raw");

        assertThat(reader.format()).isEqualTo(TripFormat.NYC_DEBS2015);
        assertThat(reader.trips().toList())
                .hasSize(2)
                .first()
                .extracting(Trip::sourceId)
                .isEqualTo("nyc-debs2015:1");
    }

    @Test
    void readsChicagoTimestampAsLocalWallTimeNotUtc() throws IOException {
        // 1400269500 = 2014-05-16T19:45:00 "UTC", which is really 19:45 CDT (UTC-5) = 2014-05-17T00:45:00Z.
        String row = "8,12.45,5,19,6,1400269500,41.89,-87.63,41.95,-87.65,3.1,,,Cash,Co,840,6,0.0";

        List<Trip> trips = read(CHICAGO_HEADER + "\n" + row);

        assertThat(trips).singleElement().satisfies(t -> {
            assertThat(t.city()).isEqualTo("chicago");
            assertThat(t.pickupTime()).isEqualTo(Instant.parse("2014-05-17T00:45:00Z"));
            assertThat(t.fareCents()).isEqualTo(1245);
            assertThat(t.totalCents()).isEqualTo(Trip.UNKNOWN_TOTAL);
            assertThat(t.distanceMetres()).isEqualTo(4989); // 3.1 mi
            assertThat(t.durationSeconds()).isEqualTo(840);
            assertThat(t.driverKey()).isEmpty();
        });
    }

    @Test
    void countsSkippedRowsByReason() throws IOException {
        String csv = CHICAGO_HEADER + "\n"
                + ",12.45,5,19,6,1400269500,,,,,0.0,,,Credit Card,Co,0,,0.0\n" // missing coordinates
                + "8,5.85,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,0.0,,,Cash,Co,180,6,0.0\n" // zero distance
                + "8,5.85,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,1.0,,,Cash,Co,0,6,0.0\n" // zero duration
                + "8,5.85,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,1.0,,,Cash,Co,,6,0.0\n" // missing duration
                + "8,5.85,10,1,2,1382319000,40.71,-74.00,41.98,-87.80,1.0,,,Cash,Co,60,6,0.0\n" // out of area
                + "8,5.85,10,1,2,1382319000,41.98,-87.80,0,-87.80,1.0,,,Cash,Co,60,6,0.0\n" // zero coordinate
                + "8,abc,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,1.0,,,Cash,Co,60,6,0.0\n" // unparseable fare
                + "8,5.85,10,1,2\n" // too few columns
                + "8,-5.85,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,1.0,,,Cash,Co,60,6,0.0\n" // refund
                + "8,5.85,10,1,2,1382319000,41.98,-87.80,41.98,-87.80,1.0,,,Cash,Co,60,6,0.0\n"; // fine

        TripReader reader = TripReader.of(new StringReader(csv), "chicago-sample");
        List<Trip> trips = reader.trips().toList();
        TripReadStats stats = reader.stats();

        assertThat(trips).hasSize(1);
        assertThat(stats.rowsRead()).isEqualTo(10);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.skippedTotal()).isEqualTo(9);
        assertThat(stats.skipped(SkipReason.MISSING_COORDINATES)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.ZERO_DISTANCE)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.ZERO_DURATION)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.MISSING_VALUE)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.OUT_OF_AREA)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.ZERO_COORDINATES)).isEqualTo(1);
        assertThat(stats.skipped(SkipReason.UNPARSEABLE)).isEqualTo(2);
        assertThat(stats.skipped(SkipReason.NEGATIVE_FARE)).isEqualTo(1);
        assertThat(stats.toString()).contains("missing_coordinates=1", "10 rows", "1 trips");
    }

    @Test
    void skipsNycRowsWithZeroCoordinatesBeforeZeroDuration() throws IOException {
        String zero = "22D70BF00EEB0ADC83BA8177BB861991,3FF2709163DE7036FCAA4E5A3324E4BF,2013-01-01 00:02:00,"
                + "2013-01-01 00:02:00,0,0.00,0.000000,0.000000,0.000000,0.000000,CSH,27.00,0.00,0.50,0.00,0.00,27.50";

        TripReader reader = TripReader.of(new StringReader(NYC_HEADER + "\n" + zero + "\n\n"), "nyc");

        assertThat(reader.trips().toList()).isEmpty();
        assertThat(reader.stats().skipped()).containsOnlyKeys(SkipReason.ZERO_COORDINATES);
        assertThat(reader.stats().rowsRead()).isEqualTo(1);
    }

    @Test
    void readsCanonicalFormat() throws IOException {
        String csv = TripWriter.CANONICAL_HEADER + "\n"
                + "t-1,nyc,2013-01-01T05:00:00Z,40.716976,-73.956528,40.715008,-73.96244,120,708,350,MED1\n";

        TripReader reader = TripReader.of(new StringReader(csv), "canon");

        assertThat(reader.format()).isEqualTo(TripFormat.CANONICAL);
        assertThat(reader.trips().toList())
                .containsExactly(new Trip(
                        "t-1",
                        "nyc",
                        Instant.parse("2013-01-01T05:00:00Z"),
                        40.716976,
                        -73.956528,
                        40.715008,
                        -73.96244,
                        120,
                        708,
                        350,
                        Trip.UNKNOWN_TOTAL,
                        "MED1"));
    }

    @Test
    void readsGzipByMagicBytesWhateverTheName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trips.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((NYC_HEADER + "\n" + NYC_ROW + "\n").getBytes(StandardCharsets.UTF_8));
        }

        try (TripReader reader = TripReader.open(file)) {
            assertThat(reader.trips().toList()).hasSize(1);
            assertThat(reader.stats().source()).isEqualTo("trips.csv");
        }
    }

    @Test
    void rejectsUnknownHeaderNamingTheExpectedLayouts() {
        assertThatThrownBy(() -> TripReader.of(new StringReader("a,b,c\n1,2,3\n"), "odd"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("odd")
                .hasMessageContaining("unrecognised trip CSV header");
    }

    @Test
    void refusesASecondIteration() throws IOException {
        TripReader reader = TripReader.of(new StringReader(NYC_HEADER + "\n" + NYC_ROW), "nyc");
        reader.iterator();

        assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
    }

    private static List<Trip> read(String csv) throws IOException {
        try (TripReader reader = TripReader.of(new StringReader(csv), "inline")) {
            return reader.trips().toList();
        }
    }
}
