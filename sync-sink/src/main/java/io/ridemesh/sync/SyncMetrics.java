package io.ridemesh.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * sync-sink's Micrometer meters. Lag per (source, target) is apply commit time minus the
 * physical milliseconds of the row's HLC (written in the same source transaction; the binlog
 * header has only second resolution). Thread-safe.
 */
public final class SyncMetrics {

    private final MeterRegistry registry;
    private final String target;
    private final Map<String, Timer> lagBySource = new ConcurrentHashMap<>();
    private final Map<String, Timer> deliveryBySource = new ConcurrentHashMap<>();
    private final Counter applied;
    private final Counter skippedStale;
    private final Counter skippedDuplicate;
    private final Counter conflicts;
    private final Counter deadLettered;
    private final Counter parked;
    private final Counter captured;
    private final Counter captureSkipped;
    private final AtomicLong captureSkippedTotal = new AtomicLong();
    private final Counter captureFailures;
    private final Counter applyRetries;
    private final Counter clockOffsetRejections;
    private final AtomicLong appliedTotal = new AtomicLong();

    public SyncMetrics(MeterRegistry registry, String targetRegion) {
        this.registry = registry;
        this.target = targetRegion;
        this.applied =
                Counter.builder("sync.apply.applied").tag("target", target).register(registry);
        this.skippedStale = Counter.builder("sync.apply.skipped")
                .tag("target", target)
                .tag("reason", "stale")
                .register(registry);
        this.skippedDuplicate = Counter.builder("sync.apply.skipped")
                .tag("target", target)
                .tag("reason", "duplicate")
                .register(registry);
        this.conflicts =
                Counter.builder("sync.apply.conflicts").tag("target", target).register(registry);
        this.deadLettered = Counter.builder("sync.apply.dead_lettered")
                .tag("target", target)
                .register(registry);
        this.parked = Counter.builder("sync.apply.parked").tag("target", target).register(registry);
        this.applyRetries =
                Counter.builder("sync.apply.retries").tag("target", target).register(registry);
        this.clockOffsetRejections = Counter.builder("sync.apply.clock_offset_exceeded")
                .tag("target", target)
                .register(registry);
        this.captured =
                Counter.builder("sync.capture.published").tag("source", target).register(registry);
        this.captureSkipped = Counter.builder("sync.capture.skipped")
                .description("change events capture decoded but did not publish: rows of other regions' origin"
                        + " (applied here), regional tables, delete tombstones")
                .tag("source", target)
                .register(registry);
        this.captureFailures =
                Counter.builder("sync.capture.failures").tag("source", target).register(registry);
    }

    public void lag(String source, long lagMs) {
        lagBySource
                .computeIfAbsent(source, s -> latencyPerSource("sync.apply.lag", s)
                        .description("source commit (row hlc) to applied in target")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry))
                .record(Duration.ofMillis(Math.max(0, lagMs)));
    }

    /**
     * Delivery of one applied record, in ms: apply commit time minus the time capture sent it to Kafka (the
     * record's timestamp). {@code sync.apply.lag} minus this is capture's share (binlog to Kafka send). Histogram
     * buckets only: no percentiles computed here, so the hot path pays a bucket increment.
     */
    public void delivery(String source, long deliveryMs) {
        deliveryBySource
                .computeIfAbsent(source, s -> latencyPerSource("sync.apply.delivery", s)
                        .description("capture's Kafka send (record timestamp) to applied in target")
                        .register(registry))
                .record(Duration.ofMillis(Math.max(0, deliveryMs)));
    }

    /** A (source, target) latency timer with histogram buckets from 1 ms to 5 min. */
    private Timer.Builder latencyPerSource(String name, String source) {
        return Timer.builder(name)
                .tag("source", source)
                .tag("target", target)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5));
    }

    public void applied(int n) {
        applied.increment(n);
        appliedTotal.addAndGet(n);
    }

    public long appliedTotal() {
        return appliedTotal.get();
    }

    public void skippedStale() {
        skippedStale.increment();
    }

    public void skippedDuplicate() {
        skippedDuplicate.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void parked() {
        parked.increment();
    }

    public void applyRetry() {
        applyRetries.increment();
    }

    public void clockOffsetExceeded() {
        clockOffsetRejections.increment();
    }

    public void captured(int n) {
        captured.increment(n);
    }

    /** Change records capture published since this process started. */
    public long capturedTotal() {
        return (long) captured.count();
    }

    /** Change events capture received from Debezium and did not publish. */
    public void captureSkipped(int n) {
        captureSkipped.increment(n);
        captureSkippedTotal.addAndGet(n);
    }

    public long captureSkippedTotal() {
        return captureSkippedTotal.get();
    }

    /**
     * An unexpected error stopped the apply of {@code source}'s changes and a new consumer will start:
     * {@code sync.apply.restarts{target, source}}.
     */
    public void applyRestart(String source) {
        Counter.builder("sync.apply.restarts")
                .description("apply consumers stopped by an unexpected error and started again")
                .tag("source", source)
                .tag("target", target)
                .register(registry)
                .increment();
    }

    /**
     * Registers {@code sync.apply.source.silence{source, target}}: ms since {@code source}'s Kafka cluster last
     * answered this region's apply (a lost or cut-off peer shows as a growing silence, even when nothing changes
     * there).
     */
    public void sourceSilence(String source, java.util.function.LongSupplier silentMs) {
        io.micrometer.core.instrument.Gauge.builder("sync.apply.source.silence", silentMs, s -> s.getAsLong())
                .description("ms since the source's Kafka cluster last answered this region's apply")
                .baseUnit("milliseconds")
                .tag("source", source)
                .tag("target", target)
                .strongReference(true)
                .register(registry);
    }

    public void captureFailure() {
        captureFailures.increment();
    }
}
