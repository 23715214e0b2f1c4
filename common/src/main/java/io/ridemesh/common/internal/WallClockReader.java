package io.ridemesh.common.internal;

import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads milliseconds from an {@link InstantSource} and counts the times the reading went backwards (an NTP step,
 * a VM migration, a leap-second smear gone wrong).
 *
 * <p>Not API: used by {@code HybridLogicalClock} and {@code GlobalIdGenerator}.
 *
 * <p>Thread-safe and lock-free. The count has no false positives with a monotonic clock, even under contention:
 * the last reading is loaded <em>before</em> the clock is read, so a value published by another thread was read
 * from the clock before ours was, and a clock that does not go back cannot return less. A step back is counted
 * once (by the thread that publishes the lower reading), not once per call until the clock catches up.
 */
public final class WallClockReader {

    private final InstantSource clock;
    private final AtomicLong lastReadingMs;
    private final AtomicLong backwardSteps = new AtomicLong();

    public WallClockReader(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastReadingMs = new AtomicLong(clock.millis());
    }

    /** The wall clock in ms since the Unix epoch, as the injected source reports it (may go backwards). */
    public long millis() {
        long seen = lastReadingMs.get();
        long now = clock.millis();
        if (now != seen && lastReadingMs.compareAndSet(seen, now) && now < seen) {
            backwardSteps.incrementAndGet();
        }
        return now;
    }

    /** Number of times a reading was observed lower than the previous one. */
    public long backwardSteps() {
        return backwardSteps.get();
    }
}
