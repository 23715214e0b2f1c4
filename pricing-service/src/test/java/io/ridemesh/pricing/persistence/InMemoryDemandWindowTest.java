package io.ridemesh.pricing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDemandWindowTest {

    final InMemoryDemandWindow window = new InMemoryDemandWindow(Duration.ofMinutes(5));
    final Instant t0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void countsRequestsPerCellWithinTheWindow() {
        window.record("a", "r1", t0);
        window.record("a", "r2", t0.plusSeconds(60));
        window.record("b", "r3", t0.plusSeconds(60));

        assertThat(window.record("a", "r4", t0.plusSeconds(120))).isEqualTo(3);
        assertThat(window.record("b", "r5", t0.plusSeconds(120))).isEqualTo(2);
    }

    @Test
    void slidesOldRequestsOut() {
        window.record("a", "r1", t0);
        window.record("a", "r2", t0.plusSeconds(200));

        // t0 falls out after 5 minutes (to one 10 s bucket), t0 + 200 s does not.
        assertThat(window.record("a", "r3", t0.plusSeconds(310))).isEqualTo(2);
        assertThat(window.record("a", "r4", t0.plusSeconds(620))).isEqualTo(1); // only itself: 310 s is 31 buckets back
    }

    @Test
    void aRiderAskingAgainAndAgainCountsOncePerWindow() {
        window.record("a", "r1", t0);
        for (int i = 1; i <= 300; i++) {
            window.record("a", "r1", t0.plusMillis(i * 10L));
        }

        assertThat(window.record("a", "r1", t0.plusSeconds(60))).isEqualTo(1);
        assertThat(window.record("a", "r2", t0.plusSeconds(60))).isEqualTo(2);
        // another cell counts the rider on its own
        assertThat(window.record("b", "r1", t0.plusSeconds(60))).isEqualTo(1);
    }

    @Test
    void aRiderCountsAgainOnceTheCountedRequestHasLeftTheWindow() {
        window.record("a", "r1", t0);
        window.record("a", "r1", t0.plusSeconds(200)); // inside the window: not counted

        assertThat(window.record("a", "r1", t0.plusSeconds(299))).isEqualTo(1);
        // t0's bucket is 30 buckets back at t0 + 300 s: the rider counts again, and the t0 request is gone
        assertThat(window.record("a", "r1", t0.plusSeconds(300))).isEqualTo(1);
        assertThat(window.record("a", "r2", t0.plusSeconds(301))).isEqualTo(2);
    }
}
