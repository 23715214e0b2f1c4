package io.ridemesh.common;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A wall clock that tests move by hand, forwards and backwards, to nanosecond precision. Thread-safe (volatile
 * field); starts at 2025-06-01T12:00:00Z unless told otherwise.
 */
public final class MutableClock implements InstantSource {

    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T12:00:00Z");

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public MutableClock() {
        this(DEFAULT_START);
    }

    /** Moves the clock by {@code step}; a negative step moves it back (an NTP step). */
    public synchronized MutableClock advance(Duration step) {
        now = now.plus(step);
        return this;
    }

    public MutableClock advanceMillis(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    public MutableClock set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public String toString() {
        return "MutableClock[" + now + "]";
    }
}
