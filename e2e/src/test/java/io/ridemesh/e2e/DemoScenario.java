package io.ridemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ridemesh.simulator.demo.DemoCluster;
import io.ridemesh.simulator.demo.DemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's flow on a small sample, shared by every e2e variant so that each runs the same trips with the same
 * options and asserts the same report fields: {@link DemoReplayIT} on the local playground, {@link DemoComposeIT} on
 * {@code docker-compose.yml}. Stateless.
 */
final class DemoScenario {

    /** Trips replayed per file (an even sample): 20 NYC and 20 Chicago rides. */
    static final int TRIPS_PER_FILE = 20;

    private DemoScenario() {}

    /** The repository root: Failsafe's {@code ridemesh.repo}, else the parent of the module directory. */
    static Path repo() {
        return Path.of(System.getProperty("ridemesh.repo", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** The NYC and Chicago trip files in {@code ../shared/data}; the test is skipped (assumption) without them. */
    static List<Path> tripFiles(Path repo) {
        Path nyc = repo.resolve("../shared/data/nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz");
        Path chicago = repo.resolve("../shared/data/chicago_taxi_trips_tfx_sample.csv.gz");
        assumeThat(Files.exists(nyc) && Files.exists(chicago))
                .as("the trip files in ../shared/data")
                .isTrue();
        return List.of(nyc, chicago);
    }

    /**
     * The sample: 60x speed over a 30 min window, {@value #TRIPS_PER_FILE} trips per file, through the gateways, with a
     * failover drill at 40% of the replay (region a killed, 15 s outage, restarted and failed back).
     */
    static DemoRun.Options options(List<Path> trips) {
        return new DemoRun.Options(
                trips,
                60,
                Duration.ofMinutes(30),
                TRIPS_PER_FILE,
                Path.of("target"),
                0.4,
                Duration.ofSeconds(15),
                true,
                DemoRun.Options.DEFAULT_BUDGET);
    }

    /** Runs the sample on {@code cluster} (which the run starts) and answers the report. */
    static Map<String, Object> run(DemoCluster cluster, List<Path> trips) throws Exception {
        return new DemoRun(cluster, options(trips), System.out::println).run();
    }

    /**
     * Every request acknowledged, some trips driven to completion, no acknowledged ride lost, both regions converged,
     * and the drill's RTO and RPO measured.
     */
    static void assertReport(Map<String, Object> report) {
        assertThat(report.get("trips_requested")).isEqualTo(2L * TRIPS_PER_FILE);
        assertThat(report.get("rides_acked")).as("every request acknowledged").isEqualTo(2 * TRIPS_PER_FILE);
        assertThat((Long) report.get("trips_completed"))
                .as("trips driven to completion")
                .isPositive();
        assertThat(report.get("acked_rides_lost")).isEqualTo(0L);
        assertThat(report.get("converged")).isEqualTo(true);
        assertThat(report.get("rto_s")).as("region a killed, nyc served by b").isNotNull();
        assertThat(report.get("rpo_writes")).as("measured at the kill").isNotNull();
        assertThat(report.get("recovered_after_failback"))
                .as("every acknowledged write b lacked at the kill reached it once a came back")
                .isEqualTo(report.get("rpo_writes"));
    }
}
