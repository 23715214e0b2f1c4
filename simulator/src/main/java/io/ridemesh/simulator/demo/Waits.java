package io.ridemesh.simulator.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How the demo waits: the simulated apps' (and the drill's operator's) retry back-off, a future completing after a
 * delay (for retries on the HTTP client's callbacks, which must not block), and a plain pause of the calling thread.
 * Stateless and thread-safe.
 */
final class Waits {

    /** First retry delay of a failed call; it doubles per consecutive failure up to {@link #BACKOFF_CAP}. */
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    private Waits() {}

    /**
     * Delay before retry number {@code failures + 1}: exponential back-off with jitter, as mobile apps do ({@code
     * BACKOFF_BASE x 2^failures}, capped at {@code BACKOFF_CAP}, then a uniform 50-100% of it), so that an overloaded
     * cluster is not buried under synchronized retries (measured: with fixed 1-2 s retries the full replay sent 158,845
     * log-ins for 6,860 drivers).
     */
    static Duration backoff(int failures) {
        long ms = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(failures, 20));
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    /** A future that completes after {@code delay}, without blocking a thread meanwhile. */
    static CompletableFuture<Void> later(Duration delay) {
        Executor delayed = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> {}, delayed);
    }

    /** Sleeps {@code d}; an interrupt ends the sleep with an {@link IllegalStateException} (interrupt flag kept). */
    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
