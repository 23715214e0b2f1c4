package io.ridemesh.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** The simulated apps' retry delays: doubling from 1 s, capped at 30 s, jittered to 50-100% of the step. */
class BackoffTest {

    @RepeatedTest(50)
    void doublesPerFailureWithJitterUpToTheCap() {
        assertThat(Waits.backoff(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(Waits.backoff(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(Waits.backoff(3)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(8000));
        assertThat(Waits.backoff(5)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(Waits.backoff(1000)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
