package io.ridemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.demo.DemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's flow on a small sample, as CI runs it: a 2-region playground with every service,
 * real NYC and Chicago trips replayed through the gateways' mobile REST API (quotes, rides,
 * drivers, offers, trips), a failover drill (region a killed abruptly, nyc evacuated to b through
 * the operator API, a restarted and failed back), then convergence and no acknowledged ride lost.
 */
class DemoReplayIT {

    static Playground playground;

    @AfterAll
    static void down() {
        if (playground != null) {
            playground.down(true);
        }
    }

    @Test
    void replayedTripsAreServedReplicatedAndNoAcknowledgedRideIsLost() throws Exception {
        Path repo = Path.of(System.getProperty("ridemesh.repo", ".."))
                .toAbsolutePath()
                .normalize();
        Path nyc = repo.resolve("../shared/data/nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz");
        Path chicago = repo.resolve("../shared/data/chicago_taxi_trips_tfx_sample.csv.gz");
        assumeThat(Files.exists(nyc) && Files.exists(chicago))
                .as("the trip files in ../shared/data")
                .isTrue();
        playground = Playground.create(repo, Path.of("target/demo-it"), new PortPlan(25000), System.out::println);
        playground.down(true);

        Map<String, Object> report = new DemoRun(
                        playground,
                        new DemoRun.Options(
                                List.of(nyc, chicago),
                                60,
                                Duration.ofMinutes(30),
                                20,
                                Path.of("target"),
                                0.4,
                                Duration.ofSeconds(15),
                                true),
                        System.out::println)
                .run();

        assertThat(report.get("trips_requested")).isEqualTo(40L);
        assertThat(report.get("rides_acked")).as("every request acknowledged").isEqualTo(40);
        assertThat((Long) report.get("trips_completed"))
                .as("trips driven to completion")
                .isPositive();
        assertThat(report.get("acked_rides_lost")).isEqualTo(0L);
        assertThat(report.get("converged")).isEqualTo(true);
        assertThat(report.get("rto_s")).as("region a killed, nyc served by b").isNotNull();
        assertThat(report.get("rpo_writes")).as("measured at the kill").isNotNull();
    }
}
