package io.ridemesh.common.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TripWriterTest {

    @Test
    void writesCanonicalGzipThatReadsBackIdentically(@TempDir Path dir) throws IOException {
        Trip trip = new Trip(
                "nyc-debs2015:2",
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
                "key,with\"comma");
        Path file = dir.resolve("trips.csv.gz");

        try (TripWriter writer = TripWriter.create(file)) {
            writer.write(trip);
        }

        try (TripReader reader = TripReader.open(file)) {
            assertThat(reader.format()).isEqualTo(TripFormat.CANONICAL);
            assertThat(reader.trips().toList()).isEqualTo(List.of(trip));
        }
    }
}
