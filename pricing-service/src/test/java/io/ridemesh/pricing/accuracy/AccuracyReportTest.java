package io.ridemesh.pricing.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccuracyReportTest {

    @Test
    void writesTheJsonLineWithFractions() {
        String json = AccuracyReport.json(List.of(new CityAccuracy("nyc", 10, 2, 0.125, 0.2, 0.7, 0, 0)));

        assertThat(json)
                .isEqualTo("[{\"city\":\"nyc\",\"trips\":10,\"skipped\":2,\"fare_mdape\":0.1250,"
                        + "\"duration_mdape\":0.2000,\"within_20pct\":0.7000}]");
    }

    @Test
    void meetsTheAccuracyGoalsOnTheRealTripFiles() throws IOException {
        Path data = dataDir();
        Path nyc = data.resolve("nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz");
        Path chicago = data.resolve("chicago_taxi_trips_tfx_sample.csv.gz");
        assumeTrue(Files.isReadable(nyc) && Files.isReadable(chicago), "real trip files absent in " + data);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        int exit = new CommandLine(new AccuracyReport(new PrintStream(buffer, true, StandardCharsets.UTF_8)))
                .execute("--trips", nyc.toString(), chicago.toString());

        assertThat(exit).isZero();
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode cities = JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
        assertThat(cities.size()).isEqualTo(2);
        for (JsonNode city : cities) {
            assertThat(city.get("city").asString()).isIn("nyc", "chicago");
            assertThat(city.get("trips").asLong()).isGreaterThan(6_000);
            assertThat(city.get("fare_mdape").asDouble()).isLessThanOrEqualTo(AccuracyReport.FARE_GOAL);
            assertThat(city.get("duration_mdape").asDouble()).isLessThanOrEqualTo(AccuracyReport.DURATION_GOAL);
            assertThat(city.get("within_20pct").asDouble()).isBetween(0.5, 1.0);
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
