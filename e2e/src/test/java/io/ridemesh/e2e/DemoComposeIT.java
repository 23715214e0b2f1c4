package io.ridemesh.e2e;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link DemoReplayIT}'s scenario ({@link DemoScenario}: the same trips, drill and report assertions) on the
 * repository's {@code docker-compose.yml} under Testcontainers ({@link ComposeDemoCluster}) instead of the local
 * playground: region a's containers are killed with SIGKILL for the drill and started again.
 *
 * <p>Needs a Docker engine with Compose v2 ({@code docker compose}) and the service jars ({@code mvn -DskipTests
 * package}); skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class DemoComposeIT {

    static ComposeDemoCluster cluster;

    @AfterAll
    static void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void replayedTripsAreServedReplicatedAndNoAcknowledgedRideIsLost() throws Exception {
        Path repo = DemoScenario.repo();
        List<Path> trips = DemoScenario.tripFiles(repo);
        cluster = new ComposeDemoCluster(repo, System.out::println);

        DemoScenario.assertReport(DemoScenario.run(cluster, trips));
    }
}
