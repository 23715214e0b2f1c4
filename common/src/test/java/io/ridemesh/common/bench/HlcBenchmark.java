package io.ridemesh.common.bench;

import io.ridemesh.common.hlc.HybridLogicalClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of one HLC timestamp against the wall-clock read it is built on. Single-threaded, ns/op. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HlcBenchmark {

    private HybridLogicalClock hlc;
    private long olderRemote;

    @Setup
    public void setUp() {
        hlc = HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500));
        // A peer timestamp from the past: the common case when applying replicated rows.
        olderRemote = HybridLogicalClock.of(System.currentTimeMillis() - 50, 7);
    }

    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Benchmark
    public long hlcNow() {
        return hlc.now();
    }

    @Benchmark
    public long hlcUpdate() {
        return hlc.update(olderRemote);
    }
}
