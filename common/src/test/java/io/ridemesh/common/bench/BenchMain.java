package io.ridemesh.common.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the {@code common} benchmarks and checks them against the module's goals: {@code now()} at most 3x
 * {@code System.currentTimeMillis()}, at least 4,000,000 ids/s on one thread.
 *
 * <p>Arguments are JMH's own ({@code -f 1 -wi 2 -w 1s -i 3 -r 1s}, a benchmark regex, ...); without a regex it runs
 * everything in this package. See {@code common/bench.sh}.
 */
public final class BenchMain {

    private static final double MAX_NOW_TO_WALL_CLOCK_RATIO = 3.0;
    private static final double MIN_IDS_PER_SECOND = 4_000_000;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            builder.include("io\\.ridemesh\\.common\\.bench\\..*");
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println(summary(results));
    }

    private static String summary(Collection<RunResult> results) {
        double wallClockNs = score(results, "HlcBenchmark.currentTimeMillis");
        double nowNs = score(results, "HlcBenchmark.hlcNow");
        double updateNs = score(results, "HlcBenchmark.hlcUpdate");
        double oneThread = score(results, "IdBenchmark.nextIdOneThread");
        double twoThreads = score(results, "IdBenchmark.nextIdTwoThreads");
        StringBuilder text = new StringBuilder("\n== common benchmark summary ==\n");
        text.append(String.format(Locale.ROOT, "System.currentTimeMillis(): %8.2f ns/op%n", wallClockNs));
        text.append(String.format(Locale.ROOT, "HybridLogicalClock.now():   %8.2f ns/op%n", nowNs));
        text.append(String.format(Locale.ROOT, "HybridLogicalClock.update(): %7.2f ns/op%n", updateNs));
        if (!Double.isNaN(nowNs) && !Double.isNaN(wallClockNs)) {
            double ratio = nowNs / wallClockNs;
            text.append(String.format(
                    Locale.ROOT,
                    "now() / currentTimeMillis(): %.2fx (goal <= %.0fx): %s%n",
                    ratio,
                    MAX_NOW_TO_WALL_CLOCK_RATIO,
                    ratio <= MAX_NOW_TO_WALL_CLOCK_RATIO ? "MET" : "MISSED"));
        }
        text.append(String.format(Locale.ROOT, "ids/s, 1 thread:  %,.0f%n", oneThread));
        text.append(String.format(Locale.ROOT, "ids/s, 2 threads: %,.0f%n", twoThreads));
        if (!Double.isNaN(oneThread)) {
            text.append(String.format(
                    Locale.ROOT,
                    "ids/s on 1 thread goal >= %,.0f: %s%n",
                    MIN_IDS_PER_SECOND,
                    oneThread >= MIN_IDS_PER_SECOND ? "MET" : "MISSED"));
        }
        return text.toString();
    }

    /** The primary score of the benchmark whose name ends with {@code suffix}, or NaN if it was not run. */
    private static double score(Collection<RunResult> results, String suffix) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(suffix))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
