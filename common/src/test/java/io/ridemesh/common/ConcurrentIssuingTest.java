package io.ridemesh.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Eight threads hammer one clock / one generator on the real wall clock; nothing may be issued twice. */
class ConcurrentIssuingTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000_000;

    @Test
    void hlcNowFromEightThreadsIsDistinctAndIncreasingPerThread() throws Exception {
        HybridLogicalClock hlc = HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500));

        long[][] perThread = issueConcurrently(hlc::now);

        assertIncreasingPerThreadAndDistinct(perThread);
    }

    @Test
    void idsFromEightThreadsAreDistinctAndIncreasingPerThread() throws Exception {
        GlobalIdGenerator ids = GlobalIdGenerator.create(2, 3, InstantSource.system());

        long[][] perThread = issueConcurrently(ids::nextId);

        assertIncreasingPerThreadAndDistinct(perThread);
    }

    private static long[][] issueConcurrently(LongSupplier issuer) throws Exception {
        long[][] perThread = new long[THREADS][PER_THREAD];
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long[] out = perThread[t];
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        out[i] = issuer.getAsLong();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return perThread;
    }

    private static void assertIncreasingPerThreadAndDistinct(long[][] perThread) {
        long[] all = new long[THREADS * PER_THREAD];
        for (int t = 0; t < THREADS; t++) {
            long[] values = perThread[t];
            for (int i = 1; i < values.length; i++) {
                if (values[i] <= values[i - 1]) {
                    throw new AssertionError("thread " + t + " got " + values[i] + " after " + values[i - 1]);
                }
            }
            System.arraycopy(values, 0, all, t * PER_THREAD, PER_THREAD);
        }
        Arrays.sort(all);
        int duplicates = 0;
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                duplicates++;
            }
        }
        assertThat(duplicates).as("duplicates among %d values", all.length).isZero();
    }
}
