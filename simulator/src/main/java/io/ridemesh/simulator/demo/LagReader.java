package io.ridemesh.simulator.demo;

import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replication lag quantiles of one direction from the target sync-sink's Prometheus histogram
 * {@code sync_apply_lag_seconds_bucket{source,target,le}} (cumulative since the sync-sink
 * started), interpolated linearly inside the bucket as Prometheus' {@code histogram_quantile}
 * does. Thread-safe.
 */
final class LagReader {

    private static final Pattern BUCKET =
            Pattern.compile("^sync_apply_lag_seconds_bucket\\{([^}]*)\\}\\s+([0-9.eE+-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final DemoCluster cluster;
    /** The operator: the sync-sinks' metrics answer operators only. */
    private final OperatorSessions operators;

    LagReader(DemoCluster cluster, OperatorSessions operators) {
        this.cluster = cluster;
        this.operators = operators;
    }

    /** The {@code q} quantile in ms of lag from {@code source} into {@code target}, if measured. */
    OptionalDouble quantileMs(String source, Region target, double q) {
        return quantile(buckets(source, target), q);
    }

    /**
     * The target's lag histogram from {@code source} now: {upper bound s, cumulative count} per bucket, cumulative since
     * the target's sync-sink started; empty when it cannot be read.
     */
    List<double[]> buckets(String source, Region target) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(cluster.url(target, ComponentKind.SYNC_SINK) + "/actuator/prometheus"))
                            .header("Authorization", "Bearer " + operators.token(target))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new ArrayList<>();
            }
            List<double[]> buckets = new ArrayList<>(); // {upper bound s, cumulative count}
            for (String line : response.body().split("\n")) {
                Matcher m = BUCKET.matcher(line);
                if (m.find() && m.group(1).contains("source=\"" + source + "\"")) {
                    Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(m.group(1));
                    if (le.find()) {
                        double bound =
                                le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                        buckets.add(new double[] {bound, Double.parseDouble(m.group(2))});
                    }
                }
            }
            return buckets;
        } catch (Exception e) {
            return new ArrayList<>();
        }
    }

    static OptionalDouble quantile(List<double[]> buckets, double q) {
        buckets = new ArrayList<>(buckets);
        buckets.sort((x, y) -> Double.compare(x[0], y[0]));
        if (buckets.isEmpty() || buckets.get(buckets.size() - 1)[1] == 0) {
            return OptionalDouble.empty();
        }
        double total = buckets.get(buckets.size() - 1)[1];
        double rank = q * total;
        double prevBound = 0;
        double prevCount = 0;
        for (double[] b : buckets) {
            if (b[1] >= rank) {
                if (Double.isInfinite(b[0])) {
                    return OptionalDouble.of(prevBound * 1000);
                }
                double inBucket = b[1] - prevCount;
                double fraction = inBucket == 0 ? 1 : (rank - prevCount) / inBucket;
                return OptionalDouble.of((prevBound + (b[0] - prevBound) * fraction) * 1000);
            }
            prevBound = b[0];
            prevCount = b[1];
        }
        return OptionalDouble.of(prevBound * 1000);
    }
}
