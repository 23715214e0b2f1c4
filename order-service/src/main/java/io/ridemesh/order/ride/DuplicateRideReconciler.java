package io.ridemesh.order.ride;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.order.ride.application.ReconcileDuplicateRides;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link ReconcileDuplicateRides} every {@code order.duplicates.interval} on one daemon thread, from start to
 * stop of the application context. A failed pass (database or routing table unreadable) is logged, counted and retried
 * on the next tick; it never stops the schedule.
 *
 * <p>Metrics: {@code order.duplicates.withdrawn} (rides cancelled as duplicates), {@code order.duplicates.contended}
 * (withdrawals retried later), {@code order.duplicates.failures} (failed passes). Thread-safe.
 */
public final class DuplicateRideReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuplicateRideReconciler.class);

    private final ReconcileDuplicateRides reconcile;
    private final boolean enabled;
    private final Duration interval;
    private final int batch;
    private final Counter withdrawn;
    private final Counter contended;
    private final Counter failures;
    private ScheduledExecutorService scheduler;

    /**
     * @param enabled whether {@link #start()} schedules passes at all ({@code order.duplicates.enabled})
     * @param interval pause between the end of a pass and the start of the next
     * @param batch most open rides one pass examines, 1..1000
     */
    public DuplicateRideReconciler(
            ReconcileDuplicateRides reconcile, boolean enabled, Duration interval, int batch, MeterRegistry registry) {
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.enabled = enabled;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.batch = batch;
        this.withdrawn = registry.counter("order.duplicates.withdrawn");
        this.contended = registry.counter("order.duplicates.contended");
        this.failures = registry.counter("order.duplicates.failures");
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duplicate-ride-reconciler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            ReconcileDuplicateRides.Pass pass = reconcile.runOnce(batch);
            withdrawn.increment(pass.withdrawn().size());
            contended.increment(pass.contended());
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("duplicate ride reconciliation failed, retrying in {} ms: {}", interval.toMillis(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
