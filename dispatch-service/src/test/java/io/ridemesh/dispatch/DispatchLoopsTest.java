package io.ridemesh.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.dispatch.matching.application.WindowReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchLoopsTest {

    @Test
    void countsPoolingInsertionsAndRejectionsByReason() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DispatchLoops.count(
                meters,
                new WindowReport("nyc", 5, 7, 3, 1, 1, 0, "or-tools", 600, 2, Map.of("ride-time", 1, "wait", 2)));

        assertThat(meters.get("dispatch.pooling.inserted")
                        .tag("unit", "nyc")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get("dispatch.pooling.rejected")
                        .tags("unit", "nyc", "reason", "ride-time")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("dispatch.pooling.rejected")
                        .tags("unit", "nyc", "reason", "wait")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get("dispatch.offers.placed")
                        .tag("unit", "nyc")
                        .counter()
                        .count())
                .as("insertions are offers too")
                .isEqualTo(3.0);
    }
}
