package io.ridemesh.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A wall clock that tests move by hand. Thread-safe: one test thread moves it while service threads read it. */
public final class MutableClock implements InstantSource {

    /** Where {@link #MutableClock()} starts. */
    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T12:00:00Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Starts at {@link #DEFAULT_START}. */
    public MutableClock() {
        this(DEFAULT_START);
    }

    /** Starts at an ISO-8601 instant, e.g. {@code 2026-03-01T12:00:00Z}. */
    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    /** Starts at the real time now. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    /** Moves forward (or back, with a negative step). */
    public MutableClock advance(Duration step) {
        now.updateAndGet(t -> t.plus(step));
        return this;
    }

    public MutableClock advanceMillis(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    public MutableClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
