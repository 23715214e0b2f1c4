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
        window.record("a", t0);
        window.record("a", t0.plusSeconds(60));
        window.record("b", t0.plusSeconds(60));

        assertThat(window.record("a", t0.plusSeconds(120))).isEqualTo(3);
        assertThat(window.record("b", t0.plusSeconds(120))).isEqualTo(2);
    }

    @Test
    void slidesOldRequestsOut() {
        window.record("a", t0);
        window.record("a", t0.plusSeconds(200));

        // t0 falls out after 5 minutes (to one 10 s bucket), t0 + 200 s does not.
        assertThat(window.record("a", t0.plusSeconds(310))).isEqualTo(2);
        assertThat(window.record("a", t0.plusSeconds(620))).isEqualTo(1); // only itself: 310 s is 31 buckets back
    }
}
