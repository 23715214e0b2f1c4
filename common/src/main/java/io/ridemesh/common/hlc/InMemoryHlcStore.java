package io.ridemesh.common.hlc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link HlcStore} that keeps the bound in memory: for tests that simulate a restart by handing the same store to
 * a new clock. Not durable.
 *
 * <p>Thread-safe. The stored bound never decreases.
 */
public final class InMemoryHlcStore implements HlcStore {

    private final AtomicLong upperBound = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    /** An empty store: {@link #load()} returns 0. */
    public InMemoryHlcStore() {}

    @Override
    public long load() {
        return upperBound.get();
    }

    @Override
    public void persist(long upperBound) {
        writes.incrementAndGet();
        this.upperBound.accumulateAndGet(upperBound, Math::max);
    }

    /** Number of {@link #persist(long)} calls so far: lets tests check the clock does not write on every tick. */
    public long writes() {
        return writes.get();
    }

    @Override
    public String toString() {
        return "InMemoryHlcStore[upperBound=" + HybridLogicalClock.format(upperBound.get()) + "]";
    }
}
