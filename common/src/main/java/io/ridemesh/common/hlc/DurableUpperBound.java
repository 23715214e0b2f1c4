package io.ridemesh.common.hlc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A durable upper bound on a monotonic 64-bit value whose high bits count milliseconds ({@code value = ms << lowBits |
 * rest}): the hybrid logical clock's timestamps and the id generator's (ms, sequence) state. A value is handed out
 * only once a bound above it is in the {@link HlcStore}, so after a restart (even on a wall clock that stepped back)
 * the owner resumes above everything it issued before. The bound is placed {@value #WINDOW_MS} ms ahead of the value
 * that needed it and renewed when issued values come within {@value #RENEW_MARGIN_MS} ms of it: about two writes a
 * second under continuous load, none on the hot path otherwise (one volatile read).
 *
 * <p>Thread-safe: {@link #cover} may be called from any thread; the one lock is taken only when a new bound is due.
 */
public final class DurableUpperBound {

    /** How far ahead of the value that needed it the persisted bound is placed, in ms. */
    public static final long WINDOW_MS = 1_000;
    /** A new bound is written once issued values come this close to the persisted one, in ms. */
    public static final long RENEW_MARGIN_MS = 500;

    private final @Nullable HlcStore store;
    private final int lowBits;
    private final long restored;
    private final Object lock = new Object();

    /** Values below this need no write; raised only after a successful persist. */
    private volatile long renewAt;

    private DurableUpperBound(@Nullable HlcStore store, int lowBits, long restored, long renewAt) {
        this.store = store;
        this.lowBits = lowBits;
        this.restored = restored;
        this.renewAt = renewAt;
    }

    /** No bound: nothing is persisted, every value passes ({@link #restored()} is 0). */
    public static DurableUpperBound none() {
        return new DurableUpperBound(null, 0, 0, Long.MAX_VALUE);
    }

    /**
     * Loads the bound persisted in {@code store}; the first {@link #cover} persists a new one.
     *
     * @param lowBits how many low bits of a value are not milliseconds, 0..62
     * @param what names the owner in errors, e.g. {@code HLC}
     * @throws IllegalStateException if the persisted bound is negative
     * @throws RuntimeException whatever the store throws on {@code load}
     */
    public static DurableUpperBound load(HlcStore store, int lowBits, String what) {
        Objects.requireNonNull(store, "store");
        if (lowBits < 0 || lowBits > 62) {
            throw new IllegalArgumentException("lowBits must be in 0..62, but was " + lowBits);
        }
        long restored = store.load();
        if (restored < 0) {
            throw new IllegalStateException(
                    "persisted " + what + " upper bound must be >= 0, but was " + restored + " (from " + store + ")");
        }
        return new DurableUpperBound(store, lowBits, restored, 0);
    }

    /** The bound loaded at creation: every value issued before the restart is at or below it. */
    public long restored() {
        return restored;
    }

    /**
     * Returns {@code issued} once a bound above it is durable, persisting a new bound first when one is due.
     *
     * @throws RuntimeException from the store, only when a new bound is due and cannot be persisted; the value must
     *     then not be handed out
     */
    public long cover(long issued) {
        if (issued < renewAt) {
            return issued;
        }
        HlcStore target = Objects.requireNonNull(store, "store");
        synchronized (lock) {
            // Another thread may have raised the bound while this one waited.
            if (issued >= renewAt) {
                long bound = ((issued >>> lowBits) + WINDOW_MS) << lowBits;
                // Persist before publishing: a value is returned only once a bound above it is durable.
                target.persist(bound);
                renewAt = bound - (RENEW_MARGIN_MS << lowBits);
            }
        }
        return issued;
    }
}
