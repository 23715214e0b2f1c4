package io.ridemesh.e2e;

import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.demo.DemoCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's flow on a small sample, as CI runs it: a 2-region playground with every service,
 * real NYC and Chicago trips replayed through the gateways' mobile REST API (quotes, rides,
 * drivers, offers, trips), a failover drill (region a killed abruptly, nyc evacuated to b through
 * the operator API, a restarted and failed back), then convergence and no acknowledged ride lost.
 * The same scenario runs on Docker Compose in {@link DemoComposeIT} ({@link DemoScenario}).
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
        Path repo = DemoScenario.repo();
        List<Path> trips = DemoScenario.tripFiles(repo);
        playground = Playground.create(repo, Path.of("target/demo-it"), new PortPlan(25000), System.out::println);
        playground.down(true);

        DemoScenario.assertReport(DemoScenario.run(DemoCluster.of(playground), trips));
    }
}
