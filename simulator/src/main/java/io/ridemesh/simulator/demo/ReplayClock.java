package io.ridemesh.simulator.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The replay's clock and switch: trip time runs {@code speed} times as fast as wall time from the trip clock's zero
 * ({@link #start}), and the simulated apps act only while the run lasts ({@link #running}, until {@link #stop}).
 * Times in ms (since the epoch where a point in time).
 *
 * <p>Thread-safe: the orchestrator sets the zero once, before any app or the drill uses it, and stops the run once;
 * both fields are volatile.
 */
final class ReplayClock {

    private final double speed;
    private volatile long startMs;
    private volatile boolean running = true;

    /** @param speed time compression, e.g. 10 (10 trip-minutes per wall minute) */
    ReplayClock(double speed) {
        this.speed = speed;
    }

    /** Sets the trip clock's zero (the replay's start, after the drivers' log-in). */
    void start(Instant zero) {
        startMs = zero.toEpochMilli();
    }

    /** The trip clock's zero, ms since the epoch (0 before {@link #start}). */
    long startMs() {
        return startMs;
    }

    /** Trip time elapsed since the replay started. */
    Duration tripTimeNow() {
        return Duration.ofMillis((long) ((System.currentTimeMillis() - startMs) * speed));
    }

    /** Whether the run still lasts: false once {@link #stop}ped. */
    boolean running() {
        return running;
    }

    /** The run is over: the apps send no new requests and stop retrying. */
    void stop() {
        running = false;
    }
}
