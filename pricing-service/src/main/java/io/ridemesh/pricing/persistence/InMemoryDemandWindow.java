package io.ridemesh.pricing.persistence;

import io.ridemesh.pricing.domain.DemandWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DemandWindow} in this instance's memory: per cell, a ring of {@value #BUCKETS} time buckets spanning the
 * window (counts exact to one bucket, window / {@value #BUCKETS}) and the bucket in which each rider last counted. A
 * rider counts again only once that bucket has left the window, so memory per cell is the ring plus one entry per
 * rider who asked there within the window (entries older than the window are dropped whenever a new bucket starts),
 * whatever the request rate. Cells idle for a whole window are dropped every {@value #EVICTION_PERIOD} records.
 *
 * <p>Per instance: with several pricing instances in a region each sees its share of the demand (see the module
 * README). Thread-safe: each ring is guarded by its own lock.
 */
public final class InMemoryDemandWindow implements DemandWindow {

    static final int BUCKETS = 30;
    static final int EVICTION_PERIOD = 4096;

    private final long bucketMillis;
    private final ConcurrentHashMap<String, Ring> rings = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();

    /** @param window the sliding window, at least {@value #BUCKETS} ms */
    public InMemoryDemandWindow(Duration window) {
        if (window.toMillis() < BUCKETS) {
            throw new IllegalArgumentException("window must be >= " + BUCKETS + " ms, but was " + window);
        }
        this.bucketMillis = window.toMillis() / BUCKETS;
    }

    @Override
    public long record(String cell, String riderId, Instant at) {
        long bucket = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        if (records.incrementAndGet() % EVICTION_PERIOD == 0) {
            rings.entrySet().removeIf(e -> e.getValue().idleSince(bucket));
        }
        Ring ring = rings.computeIfAbsent(cell, c -> new Ring());
        synchronized (ring) {
            return ring.add(bucket, riderId);
        }
    }

    /** Cells currently tracked. */
    public int cells() {
        return rings.size();
    }

    private static final class Ring {
        private final long[] bucketOf = new long[BUCKETS];
        private final long[] counts = new long[BUCKETS];
        private final HashMap<String, Long> countedIn = new HashMap<>();
        private long latest = Long.MIN_VALUE;

        Ring() {
            java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
        }

        long add(long bucket, String riderId) {
            int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
            if (bucketOf[slot] != bucket) {
                bucketOf[slot] = bucket;
                counts[slot] = 0;
                countedIn.values().removeIf(b -> b <= bucket - BUCKETS);
            }
            Long counted = countedIn.get(riderId);
            if (counted == null || counted <= bucket - BUCKETS) {
                countedIn.put(riderId, bucket);
                counts[slot]++;
            }
            latest = Math.max(latest, bucket);
            long sum = 0;
            for (int i = 0; i < BUCKETS; i++) {
                // Buckets (bucket - BUCKETS, bucket] form the window; later ones (a clock that stepped back) count too.
                if (bucketOf[i] > bucket - BUCKETS) {
                    sum += counts[i];
                }
            }
            return sum;
        }

        synchronized boolean idleSince(long bucket) {
            return latest <= bucket - BUCKETS;
        }
    }
}
