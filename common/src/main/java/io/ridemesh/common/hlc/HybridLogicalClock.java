package io.ridemesh.common.hlc;

import io.ridemesh.common.internal.WallClockReader;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Hybrid Logical Clock (HLC): timestamps close to wall-clock time that still respect causality across nodes.
 *
 * <p><b>Layout</b> of a timestamp ({@code long}, always non-negative): the high 48 bits are physical time in
 * milliseconds since the Unix epoch (enough until the year 10889), the low 16 bits a logical counter (0..65535). Two
 * timestamps compare as plain {@code long}s. Written as text by {@link #format(long)}, e.g.
 * {@code 1732161234567.0003}.
 *
 * <p><b>Guarantees</b>
 *
 * <ul>
 *   <li>{@link #now()} is strictly monotonic per instance, even when the wall clock steps back: the clock then keeps
 *       the last physical part and counts up the logical part, which carries into the millisecond part when it
 *       passes {@code 0xFFFF}.
 *   <li>{@link #update(long)} returns a timestamp greater than the remote one and than everything issued before,
 *       so an event caused by a message orders after the message, whatever the two wall clocks say.
 *   <li>A remote timestamp more than {@code maxOffset} ahead of the local wall clock is rejected with
 *       {@link ClockOffsetExceeded} and counted; it is not silently adopted.
 *   <li>With an {@link HlcStore}, no timestamp issued before a restart is issued again after it, even if the wall
 *       clock stepped back across the restart.
 * </ul>
 *
 * <p><b>Algorithm</b>: Kulkarni, Demirbas, Madeppa, Avva, Leone, "Logical Physical Clocks" (OPODIS 2014), in the
 * packed-integer form of CockroachDB {@code pkg/util/hlc}: with {@code l.c} packed into one {@code long}, "max of the
 * physical parts, then bump the counter" is {@code max(last, remote) + 1} unless the wall clock is ahead, in which case
 * the result is {@code wall.0}.
 *
 * <p><b>Thread-safety</b>: safe for concurrent use and lock-free; the state is one {@link AtomicLong} updated by
 * compare-and-set. The only lock is taken when a new persisted upper bound must be written (about twice a second
 * under continuous load, never without a store).
 */
public final class HybridLogicalClock {

    static final int LOGICAL_BITS = 16;
    static final int MAX_LOGICAL = (1 << LOGICAL_BITS) - 1;
    static final long MAX_PHYSICAL_MS = (1L << (Long.SIZE - LOGICAL_BITS)) - 1;

    /** How far ahead of the issued time the persisted upper bound is placed. */
    static final long PERSIST_WINDOW_MS = DurableUpperBound.WINDOW_MS;

    /** A new bound is written once issued time comes this close to the persisted one. */
    static final long RENEW_MARGIN_MS = DurableUpperBound.RENEW_MARGIN_MS;

    private final WallClockReader wallClock;
    private final long maxOffsetMs;
    private final DurableUpperBound bound;

    /** The last issued timestamp (or, right after a restart, the restored bound). */
    private final AtomicLong last;

    private final AtomicLong rejectedRemotes = new AtomicLong();

    private HybridLogicalClock(InstantSource clock, Duration maxOffset, @Nullable HlcStore store) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxOffset, "maxOffset");
        long offsetMs = maxOffset.toMillis();
        if (offsetMs <= 0) {
            throw new IllegalArgumentException("maxOffset must be > 0 ms, but was " + maxOffset);
        }
        this.wallClock = new WallClockReader(clock);
        this.maxOffsetMs = offsetMs;
        if (store == null) {
            this.bound = DurableUpperBound.none();
            this.last = new AtomicLong();
        } else {
            this.bound = DurableUpperBound.load(store, LOGICAL_BITS, "HLC");
            long restored = bound.restored();
            this.last = new AtomicLong(restored);
            // Persist a bound above everything this instance may issue before it returns anything.
            bound.cover(of(Math.max(wallClock.millis(), physicalMs(restored)), 0));
        }
    }

    /**
     * A clock without persistence: after a restart it relies on the wall clock having moved past the last issued
     * timestamp (true unless the clock stepped back across the restart).
     *
     * @param clock the wall clock, e.g. {@link InstantSource#system()}
     * @param maxOffset the largest tolerated amount a remote timestamp may be ahead of the local wall clock
     *     (milliseconds precision); must be at least 1 ms
     * @throws IllegalArgumentException if {@code maxOffset} is below 1 ms
     */
    public static HybridLogicalClock create(InstantSource clock, Duration maxOffset) {
        return new HybridLogicalClock(clock, maxOffset, null);
    }

    /**
     * A clock whose highest issued timestamp survives restarts. On creation it loads the persisted upper bound, never
     * issues at or below it, and persists a new bound {@value #PERSIST_WINDOW_MS} ms ahead before returning. Later it
     * writes the store again only when issued time comes within {@value #RENEW_MARGIN_MS} ms of the persisted bound,
     * so the hot path does no I/O.
     *
     * @param clock the wall clock, e.g. {@link InstantSource#system()}
     * @param maxOffset the largest tolerated amount a remote timestamp may be ahead of the local wall clock
     *     (milliseconds precision); must be at least 1 ms
     * @param store where the upper bound is kept; one store entry per running clock
     * @throws IllegalArgumentException if {@code maxOffset} is below 1 ms
     * @throws RuntimeException whatever the store throws on {@code load} or {@code persist}
     */
    public static HybridLogicalClock create(InstantSource clock, Duration maxOffset, HlcStore store) {
        return new HybridLogicalClock(clock, maxOffset, Objects.requireNonNull(store, "store"));
    }

    /**
     * A new timestamp for a local event (a write, a message send): greater than every timestamp this instance issued
     * before.
     *
     * @throws RuntimeException from the {@link HlcStore}, only when a new upper bound is due and cannot be persisted
     */
    public long now() {
        long wall = wallClock.millis();
        long prev;
        long next;
        do {
            prev = last.get();
            next = wall > (prev >>> LOGICAL_BITS) ? wall << LOGICAL_BITS : prev + 1;
        } while (!last.compareAndSet(prev, next));
        return bound.cover(next);
    }

    /**
     * Merges a timestamp received from another node (a replicated row, a message) and returns a new local timestamp
     * greater than both {@code remote} and every timestamp this instance issued before.
     *
     * @param remote an HLC timestamp produced by another clock
     * @throws ClockOffsetExceeded if the physical part of {@code remote} is more than {@code maxOffset} ahead of the
     *     local wall clock; the clock is unchanged and {@link #rejectedRemotes()} is incremented
     * @throws RuntimeException from the {@link HlcStore}, only when a new upper bound is due and cannot be persisted
     */
    public long update(long remote) {
        long wall = wallClock.millis();
        // Unsigned shift: a negative (corrupt) remote has a huge physical part and is rejected here.
        if ((remote >>> LOGICAL_BITS) - wall > maxOffsetMs) {
            rejectedRemotes.incrementAndGet();
            throw new ClockOffsetExceeded(remote, wall, maxOffsetMs);
        }
        long prev;
        long next;
        do {
            prev = last.get();
            long base = Math.max(prev, remote);
            next = wall > (base >>> LOGICAL_BITS) ? wall << LOGICAL_BITS : base + 1;
        } while (!last.compareAndSet(prev, next));
        return bound.cover(next);
    }

    /** The last issued timestamp (right after a restart with a store: the restored bound), without ticking. */
    public long peek() {
        return last.get();
    }

    /** Number of times the wall clock was observed going backwards since this instance was created. */
    public long backwardSteps() {
        return wallClock.backwardSteps();
    }

    /** Number of remote timestamps rejected by {@link #update(long)} for being too far ahead. */
    public long rejectedRemotes() {
        return rejectedRemotes.get();
    }

    /** The largest tolerated amount, in ms, a remote timestamp may be ahead of the local wall clock. */
    public long maxOffsetMs() {
        return maxOffsetMs;
    }

    /** The physical part of an HLC timestamp: ms since the Unix epoch. */
    public static long physicalMs(long hlc) {
        return hlc >>> LOGICAL_BITS;
    }

    /** The logical part of an HLC timestamp, 0..65535. */
    public static int logical(long hlc) {
        return (int) (hlc & MAX_LOGICAL);
    }

    /**
     * Packs an HLC timestamp.
     *
     * @param physicalMs ms since the Unix epoch, 0..2<sup>48</sup>-1
     * @param logical 0..65535
     * @throws IllegalArgumentException if either part is out of range
     */
    public static long of(long physicalMs, int logical) {
        if (physicalMs < 0 || physicalMs > MAX_PHYSICAL_MS) {
            throw new IllegalArgumentException(
                    "physicalMs must be in [0, " + MAX_PHYSICAL_MS + "], but was " + physicalMs);
        }
        if (logical < 0 || logical > MAX_LOGICAL) {
            throw new IllegalArgumentException("logical must be in [0, " + MAX_LOGICAL + "], but was " + logical);
        }
        return (physicalMs << LOGICAL_BITS) | logical;
    }

    /**
     * Text form {@code <physicalMs>.<logical>} with the logical part padded to at least 4 digits, e.g.
     * {@code 1732161234567.0003}. Sorts like the timestamps only when the physical parts have the same number of
     * digits (true from 2001 to 2286).
     */
    public static String format(long hlc) {
        String logical = Integer.toString(logical(hlc));
        StringBuilder text = new StringBuilder(24).append(physicalMs(hlc)).append('.');
        for (int i = logical.length(); i < 4; i++) {
            text.append('0');
        }
        return text.append(logical).toString();
    }

    /**
     * Inverse of {@link #format(long)}; accepts the logical part with or without padding.
     *
     * @throws IllegalArgumentException if {@code text} is not {@code <digits>.<digits>} with both parts in range
     */
    public static long parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0
                || dot == text.length() - 1
                || !digitsOnly(text, 0, dot)
                || !digitsOnly(text, dot + 1, text.length())
                || dot > 15
                || text.length() - dot - 1 > 5) {
            throw new IllegalArgumentException(
                    "HLC text must look like <physicalMs>.<logical>, e.g. 1732161234567.0003, but was '" + text + "'");
        }
        return of(Long.parseLong(text, 0, dot, 10), Integer.parseInt(text, dot + 1, text.length(), 10));
    }

    private static boolean digitsOnly(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "HybridLogicalClock[last=" + format(last.get()) + ", maxOffsetMs=" + maxOffsetMs + "]";
    }
}
