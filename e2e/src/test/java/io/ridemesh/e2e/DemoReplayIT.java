package io.ridemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.ServiceMode;
import io.ridemesh.simulator.demo.DemoCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's flow on a small sample, as CI runs it: a 2-region playground with every service,
 * real NYC and Chicago trips replayed through the gateways' mobile REST API (quotes, rides,
 * drivers, offers, trips), a failover drill (region a killed abruptly, nyc evacuated to b through
 * the operator API, a restarted and failed back), then convergence and no acknowledged ride lost.
 * It runs once per {@link ServiceMode}: a region node per region, and a process per service; the behaviour asserted
 * is the same. The same scenario runs on Docker Compose in {@link DemoComposeIT} ({@link DemoScenario}).
 */
class DemoReplayIT {

    Playground playground;

    @AfterEach
    void down() {
        if (playground != null) {
            playground.down(true);
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceMode.class)
    void replayedTripsAreServedReplicatedAndNoAcknowledgedRideIsLost(ServiceMode mode) throws Exception {
        Path repo = DemoScenario.repo();
        List<Path> trips = DemoScenario.tripFiles(repo);
        playground = Playground.create(repo, Path.of("target/demo-it"), new PortPlan(25000), System.out::println);
        playground.down(true);

        Map<String, Object> report = DemoScenario.run(DemoCluster.of(playground, mode), trips);

        DemoScenario.assertReport(report);
        assertThat(report).containsEntry("mode", mode.id());
    }
}
