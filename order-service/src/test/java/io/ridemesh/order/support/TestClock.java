package io.ridemesh.order.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A wall clock tests move by hand. Starts at the real time; thread-safe. */
public final class TestClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static TestClock startingNow() {
        return new TestClock(Instant.now());
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        now.updateAndGet(current -> current.plus(amount));
    }
}
