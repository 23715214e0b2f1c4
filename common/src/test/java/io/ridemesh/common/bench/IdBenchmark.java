package io.ridemesh.common.bench;

import io.ridemesh.common.id.GlobalIdGenerator;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Ids per second from one shared generator, with one and two threads (JMH sums the threads' throughput).
 *
 * <p>This measures CPU cost, not the layout's capacity: above 512,000 ids/s the generator borrows future ms and runs
 * ahead of the wall clock, which it does freely during the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdBenchmark {

    private GlobalIdGenerator ids;

    @Setup
    public void setUp() {
        ids = GlobalIdGenerator.create(1, 0, InstantSource.system());
    }

    @Benchmark
    @Threads(1)
    public long nextIdOneThread() {
        return ids.nextId(5);
    }

    @Benchmark
    @Threads(2)
    public long nextIdTwoThreads() {
        return ids.nextId(5);
    }
}
