package io.ridemesh.common.id;

import io.ridemesh.common.hlc.DurableUpperBound;
import io.ridemesh.common.hlc.HlcStore;
import io.ridemesh.common.internal.WallClockReader;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snowflake-style 64-bit ids, unique across regions and nodes without coordination, that carry the region and the
 * unit (routing shard) so a gateway can route a ride id without a lookup.
 *
 * <p><b>Layout</b>, most to least significant bit:
 *
 * <pre>
 *  1 bit   sign, always 0 (ids are positive longs)
 * 41 bits  ms since the custom epoch 2025-01-01T00:00:00Z  (2^41 ms = about 69 years, until 2094-09)
 *  4 bits  region id  0..15   (16 regions)
 *  6 bits  unit id    0..63   (64 units; 0 = no unit, for entities that are not routed by unit)
 *  3 bits  node id    0..7    (8 generators per region)
 *  9 bits  sequence   0..511  (512 ids per ms per generator before borrowing the next ms)
 * </pre>
 *
 * <p><b>Ordering</b>: ids of one generator with the same unit are strictly increasing. Uniqueness holds across all
 * units, because the (ms, sequence) state is shared by all units of a generator: no (ms, sequence) pair is issued
 * twice. Since the unit, region and node bits sit between the ms and the sequence, ids of different units, regions or
 * nodes order by time only to the millisecond: sorting ids sorts them by issue ms, not by issue order within a ms.
 *
 * <p><b>Clock regression and bursts</b>: the generator never sleeps. If the wall clock steps back it keeps counting
 * from the last (ms, sequence) it issued; if the 512 sequences of a ms are used up, the sequence carries into the next
 * ms ("borrowing"). Both make ids run ahead of the wall clock for a while, never backwards. Sustained rates above
 * 512,000 ids/s per generator keep it ahead (the embedded timestamp drifts into the future); use more node ids if
 * that matters.
 *
 * <p><b>Restarts</b>: created with a store ({@link #create(int, int, InstantSource, HlcStore)}), the generator keeps a
 * durable upper bound of its (ms, sequence) state {@value #PERSIST_WINDOW_MS} ms ahead of what it issued, renewed
 * once issued time comes within {@value #RENEW_MARGIN_MS} ms of it, and starts after a restart above the bound it
 * loads: a restart after the wall clock stepped back cannot issue an id twice. Without a store it relies on the wall
 * clock having moved past the last issued ms.
 *
 * <p><b>Thread-safety</b>: safe for concurrent use; the (ms, sequence) state is one {@link AtomicLong} updated by
 * compare-and-set. The only lock is taken when a new upper bound must be persisted (about twice a second under
 * continuous load, never without a store).
 *
 * <p><b>Source</b>: Twitter Snowflake (2010), with the worker bits split into region, unit and node.
 */
public final class GlobalIdGenerator {

    /** The custom epoch: ms part 0 of every id. */
    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    static final int SEQUENCE_BITS = 9;
    static final int NODE_BITS = 3;
    static final int UNIT_BITS = 6;
    static final int REGION_BITS = 4;
    static final int TIME_BITS = 41;

    static final int NODE_SHIFT = SEQUENCE_BITS;
    static final int UNIT_SHIFT = NODE_SHIFT + NODE_BITS;
    static final int REGION_SHIFT = UNIT_SHIFT + UNIT_BITS;
    static final int TIME_SHIFT = REGION_SHIFT + REGION_BITS;

    static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;
    static final int MAX_NODE_ID = (1 << NODE_BITS) - 1;
    static final int MAX_UNIT_ID = (1 << UNIT_BITS) - 1;
    static final int MAX_REGION_ID = (1 << REGION_BITS) - 1;
    static final long MAX_TIME = (1L << TIME_BITS) - 1;

    private static final long EPOCH_MS = EPOCH.toEpochMilli();

    /** How far ahead of the issued (ms, sequence) the persisted upper bound is placed, in ms. */
    static final long PERSIST_WINDOW_MS = DurableUpperBound.WINDOW_MS;

    /** A new bound is written once issued time comes this close to the persisted one, in ms. */
    static final long RENEW_MARGIN_MS = DurableUpperBound.RENEW_MARGIN_MS;

    private final WallClockReader wallClock;
    private final int regionId;
    private final int nodeId;
    private final long regionAndNodeBits;

    /** (ms since {@link #EPOCH}) << SEQUENCE_BITS | sequence of the last issued id; +1 carries into the ms. */
    private final AtomicLong last;

    private final DurableUpperBound bound;

    private GlobalIdGenerator(
            int regionId, int nodeId, InstantSource clock, @org.jspecify.annotations.Nullable HlcStore store) {
        this.regionId = requireInRange("regionId", regionId, MAX_REGION_ID);
        this.nodeId = requireInRange("nodeId", nodeId, MAX_NODE_ID);
        this.wallClock = new WallClockReader(Objects.requireNonNull(clock, "clock"));
        long wall = clock.millis();
        if (wall < EPOCH_MS) {
            throw new IllegalArgumentException(
                    "clock must be at or after the id epoch " + EPOCH + ", but was " + Instant.ofEpochMilli(wall));
        }
        this.regionAndNodeBits = ((long) regionId << REGION_SHIFT) | ((long) nodeId << NODE_SHIFT);
        if (store == null) {
            this.bound = DurableUpperBound.none();
            this.last = new AtomicLong(-1);
        } else {
            this.bound = DurableUpperBound.load(store, SEQUENCE_BITS, "id");
            long restored = bound.restored();
            // every id issued before the restart is below the restored bound; the next one is above it
            this.last = new AtomicLong(restored);
            bound.cover(Math.max(restored, (wall - EPOCH_MS) << SEQUENCE_BITS));
        }
    }

    /**
     * A generator for one node of one region. The pair (regionId, nodeId) must be unique among generators running at
     * the same time, or ids collide.
     *
     * @param regionId 0..15
     * @param nodeId 0..7
     * @param clock the wall clock, e.g. {@link InstantSource#system()}
     * @throws IllegalArgumentException if an id is out of range or the clock reads before {@link #EPOCH}
     */
    public static GlobalIdGenerator create(int regionId, int nodeId, InstantSource clock) {
        return new GlobalIdGenerator(regionId, nodeId, clock, null);
    }

    /**
     * A generator for one node of one region whose issued (ms, sequence) survives restarts (see the class). It loads
     * the persisted bound and persists a new one before it returns.
     *
     * @param regionId 0..15
     * @param nodeId 0..7
     * @param clock the wall clock, e.g. {@link InstantSource#system()}
     * @param store the node's own durable high-water mark (e.g. a {@link io.ridemesh.common.hlc.JdbcHlcStore} under
     *     a key of its own, not the HLC's)
     * @throws IllegalArgumentException if an id is out of range or the clock reads before {@link #EPOCH}
     * @throws RuntimeException whatever the store throws on {@code load} or {@code persist}
     */
    public static GlobalIdGenerator create(int regionId, int nodeId, InstantSource clock, HlcStore store) {
        return new GlobalIdGenerator(regionId, nodeId, clock, Objects.requireNonNull(store, "store"));
    }

    /**
     * A new id with unit 0 (for entities not routed by unit).
     *
     * @throws IllegalStateException once the 41-bit ms space is exhausted (2094)
     */
    public long nextId() {
        return nextId(0);
    }

    /**
     * A new id for an entity of unit {@code unitId}.
     *
     * @param unitId 0..63
     * @throws IllegalArgumentException if {@code unitId} is out of range
     * @throws IllegalStateException once the 41-bit ms space is exhausted (2094)
     * @throws RuntimeException from the store, only when a new upper bound is due and cannot be persisted
     */
    public long nextId(int unitId) {
        requireInRange("unitId", unitId, MAX_UNIT_ID);
        long wall = wallClock.millis() - EPOCH_MS;
        long prev;
        long next;
        do {
            prev = last.get();
            next = wall > (prev >> SEQUENCE_BITS) ? wall << SEQUENCE_BITS : prev + 1;
        } while (!last.compareAndSet(prev, next));
        bound.cover(next);
        long ms = next >>> SEQUENCE_BITS;
        if (ms > MAX_TIME) {
            throw new IllegalStateException("id time space exhausted: " + Instant.ofEpochMilli(EPOCH_MS + ms)
                    + " is past the last ms the 41-bit field can hold");
        }
        return (ms << TIME_SHIFT) | ((long) unitId << UNIT_SHIFT) | regionAndNodeBits | (next & MAX_SEQUENCE);
    }

    /** Number of times the wall clock was observed going backwards since this generator was created. */
    public long backwardSteps() {
        return wallClock.backwardSteps();
    }

    /** This generator's region id, 0..15. */
    public int regionId() {
        return regionId;
    }

    /** This generator's node id, 0..7. */
    public int nodeId() {
        return nodeId;
    }

    /**
     * Splits an id into its fields.
     *
     * @throws IllegalArgumentException if {@code id} is negative (not a global id)
     */
    public static DecodedId decode(long id) {
        requireId(id);
        return new DecodedId(
                id,
                Instant.ofEpochMilli(EPOCH_MS + (id >>> TIME_SHIFT)),
                regionOf(id),
                unitOf(id),
                (int) (id >>> NODE_SHIFT) & MAX_NODE_ID,
                (int) id & MAX_SEQUENCE);
    }

    /**
     * The unit an id was issued for, 0..63 (0 = no unit): the gateway's routing key.
     *
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public static int unitOf(long id) {
        requireId(id);
        return (int) (id >>> UNIT_SHIFT) & MAX_UNIT_ID;
    }

    /**
     * The region whose generator issued an id, 0..15 (the origin, not necessarily the unit's current home).
     *
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public static int regionOf(long id) {
        requireId(id);
        return (int) (id >>> REGION_SHIFT) & MAX_REGION_ID;
    }

    @Override
    public String toString() {
        return "GlobalIdGenerator[regionId=" + regionId + ", nodeId=" + nodeId + "]";
    }

    static int requireInRange(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], but was " + value);
        }
        return value;
    }

    private static void requireId(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0, but was " + id);
        }
    }
}
