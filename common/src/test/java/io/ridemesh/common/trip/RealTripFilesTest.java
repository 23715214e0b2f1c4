package io.ridemesh.common.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the two real sample files in {@code shared/data} (see its README for their row counts). Skipped, with the
 * reason, when the files are not beside the repository.
 */
class RealTripFilesTest {

    @Test
    void readsEveryNycRowAndSkipsOnlyTheKnownBadOnes() throws IOException {
        Path file = dataDir().resolve("nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz");
        assumeTrue(Files.isReadable(file), "real trip file absent: " + file);

        try (TripReader reader = TripReader.open(file)) {
            List<Trip> trips = reader.trips().toList();
            TripReadStats stats = reader.stats();

            assertThat(reader.format()).isEqualTo(TripFormat.NYC_DEBS2015);
            assertThat(stats.rowsRead()).isEqualTo(10_004);
            // README: 176 rows have a zero coordinate; 9,823 of the 9,828 others lie in the NYC box.
            assertThat(stats.skipped(SkipReason.ZERO_COORDINATES)).isEqualTo(176);
            assertThat(stats.skipped(SkipReason.OUT_OF_AREA)).isEqualTo(5);
            assertThat(trips).hasSize((int) stats.accepted()).allSatisfy(t -> assertThat(t.city())
                    .isEqualTo("nyc"));
            // Pickups are on New Year's Day 2013 local time (the file holds 00:00-00:56 dropoffs).
            assertThat(trips).allSatisfy(t -> assertThat(
                            t.pickupTime().atZone(ZoneId.of("America/New_York")).getYear())
                    .isIn(2012, 2013));
        }
    }

    @Test
    void readsChicagoRowsWithLocalHourMatchingTripStartHour() throws IOException {
        Path file = dataDir().resolve("chicago_taxi_trips_tfx_sample.csv.gz");
        assumeTrue(Files.isReadable(file), "real trip file absent: " + file);

        try (TripReader reader = TripReader.open(file)) {
            List<Trip> trips = reader.trips().toList();
            TripReadStats stats = reader.stats();

            assertThat(reader.format()).isEqualTo(TripFormat.CHICAGO_TFX);
            assertThat(stats.rowsRead()).isEqualTo(10_000);
            assertThat(stats.accepted()).isGreaterThan(6_000);
            assertThat(stats.skipped(SkipReason.MISSING_COORDINATES)).isPositive();
            assertThat(trips)
                    .extracting(t ->
                            t.pickupTime().atZone(ZoneId.of("America/Chicago")).getYear())
                    .containsOnly(2013, 2014, 2015, 2016);
        }
    }

    /** {@code ../shared/data} from the repository root: the first directory up from user.dir whose pom lists common. */
    static Path dataDir() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isReadable(pom) && Files.readString(pom).contains("<module>common</module>")) {
                return dir.resolve("../shared/data").normalize();
            }
            dir = dir.getParent();
        }
        return Path.of("../shared/data");
    }
}
