package io.ridemesh.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagReaderTest {

    private static List<double[]> buckets(double[]... b) {
        return new ArrayList<>(List.of(b));
    }

    @Test
    void interpolatesInsideTheBucketHoldingTheRank() {
        // 100 observations: 50 under 10 ms, 40 in (10, 20] ms, 10 in (20, 50] ms
        var b = buckets(new double[] {0.010, 50}, new double[] {0.020, 90}, new double[] {0.050, 100}, new double[] {
            Double.POSITIVE_INFINITY, 100
        });
        assertThat(LagReader.quantile(b, 0.5).getAsDouble()).isCloseTo(10.0, within(0.001));
        assertThat(LagReader.quantile(b, 0.7).getAsDouble()).isCloseTo(15.0, within(0.001));
        assertThat(LagReader.quantile(b, 0.99).getAsDouble()).isCloseTo(47.0, within(0.001));
    }

    @Test
    void noObservationsMeansNoFigure() {
        var b = buckets(new double[] {0.010, 0}, new double[] {Double.POSITIVE_INFINITY, 0});
        assertThat(LagReader.quantile(b, 0.5)).isEmpty();
        assertThat(LagReader.quantile(new ArrayList<>(), 0.5)).isEmpty();
    }

    @Test
    void rankBeyondTheLastFiniteBoundAnswersThatBound() {
        var b = buckets(new double[] {0.010, 1}, new double[] {Double.POSITIVE_INFINITY, 10});
        assertThat(LagReader.quantile(b, 0.99).getAsDouble()).isCloseTo(10.0, within(0.001));
    }
}
