package io.ridemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.simulator.chaos.ChaosRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./platform chaos}, sized for CI: three regions writing rides concurrently for 100 s while a fault strikes
 * about every 9 s (sync-sink SIGKILL, Kafka restart, partitions of 10-20 s, a writer clock stepped beyond the HLC's
 * maximum offset); then every region holds the same rides, every acknowledged write is accounted for, and nothing
 * loops. The full-size run is {@code ./platform chaos --regions 3 --minutes 10}.
 */
class ChaosIT {

    Playground playground;

    @AfterEach
    void down() {
        if (playground != null) {
            playground.down(true);
        }
    }

    @Test
    void threeRegionsConvergeWithEveryAcknowledgedWriteAccountedForAndNoLoopAfterFaults() throws Exception {
        Path repo = DemoScenario.repo();
        playground = Playground.create(repo, Path.of("target/chaos-it"), new PortPlan(27000), System.out::println);
        playground.down(true);
        ChaosRun.Options options = new ChaosRun.Options(
                3, Duration.ofSeconds(100), 15, Duration.ofSeconds(9), Duration.ofSeconds(20), 20261206L);

        Map<String, Object> report = new ChaosRun(playground, options, System.out::println).run();

        assertThat(report)
                .containsEntry("converged", true)
                .containsEntry("acked_lost", 0L)
                .containsEntry("duplicate_applies", 0L)
                .containsEntry("loops", 0L);
        assertThat((Integer) report.get("faults_injected")).isGreaterThanOrEqualTo(6);
        @SuppressWarnings("unchecked")
        Map<String, Integer> faults = (Map<String, Integer>) report.get("faults");
        assertThat(faults).as("every kind of fault").hasSize(4);
        assertThat((Long) report.get("clock_offset_rejections"))
                .as("peers counted the stepped clock")
                .isPositive();
        assertThat((Integer) report.get("acked")).isGreaterThan(1000);
        assertThat((Long) report.get("acked_conflict_losers") + (Long) report.get("acked_replaced_by_successor"))
                .as("the regions did write the same rides")
                .isPositive();
    }
}
