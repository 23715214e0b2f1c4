package io.ridemesh.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.application.FollowUnitHomes;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.matching.application.WindowReport;
import io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable;
import io.ridemesh.dispatch.offer.application.ExpireOffers;
import io.ridemesh.dispatch.supply.application.SweepStaleDrivers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the periodic work of this process: one matching window per unit every {@code dispatch.matching.window}, the
 * offer expiry sweep (re-dispatching expired offers' rides), the stale-driver sweep, and following the replicated
 * routing table ({@link FollowUnitHomes}: windows run only for units homed in this region, and a unit's waiting rides
 * are taken over when it moves here). Each loop has its own thread,
 * so a slow order-service call in a window never delays expiries; a failing iteration is logged and counted
 * ({@code dispatch.loop.failures}) and the loop goes on. Fixed delay, not fixed rate: a window that overruns is not
 * followed by a burst.
 *
 * <p>Several processes of a region may run these loops at once: every step they take is atomic in Redis.
 * Thread-safe.
 */
final class DispatchLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoops.class);

    private final UnitMap units;
    private final MatchWindow matchWindow;
    private final FollowUnitHomes followUnitHomes;
    private final ExpireOffers expireOffers;
    private final SweepStaleDrivers sweepStaleDrivers;
    private final DispatchProperties properties;
    private final MeterRegistry meters;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean unitHomesFailing;

    DispatchLoops(
            UnitMap units,
            MatchWindow matchWindow,
            FollowUnitHomes followUnitHomes,
            ExpireOffers expireOffers,
            SweepStaleDrivers sweepStaleDrivers,
            DispatchProperties properties,
            MeterRegistry meters) {
        this.units = Objects.requireNonNull(units, "units");
        this.matchWindow = Objects.requireNonNull(matchWindow, "matchWindow");
        this.followUnitHomes = Objects.requireNonNull(followUnitHomes, "followUnitHomes");
        this.expireOffers = Objects.requireNonNull(expireOffers, "expireOffers");
        this.sweepStaleDrivers = Objects.requireNonNull(sweepStaleDrivers, "sweepStaleDrivers");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public synchronized void start() {
        if (executor != null || !properties.schedulingEnabled()) {
            return;
        }
        ScheduledExecutorService ex = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "dispatch-loop");
            t.setDaemon(true);
            return t;
        });
        every(ex, "matching", properties.matching().window(), this::matchAllUnits);
        if (properties.takeover().enabled()) {
            every(ex, "unit-homes", properties.takeover().interval(), this::followUnitHomes);
        }
        every(ex, "offer-expiry", properties.offers().sweepInterval(), () -> {
            int n = expireOffers.expireDue();
            if (n > 0) {
                meters.counter("dispatch.offers.expired").increment(n);
            }
        });
        every(ex, "stale-sweep", properties.supply().sweepInterval(), () -> {
            int n = sweepStaleDrivers.sweep();
            if (n > 0) {
                meters.counter("dispatch.drivers.swept").increment(n);
            }
        });
        executor = ex;
    }

    private void matchAllUnits() {
        for (UnitDefinition unit : units.all()) {
            if (!followUnitHomes.dispatchesUnit(unit.id())) {
                continue;
            }
            Timer.Sample sample = Timer.start(meters);
            WindowReport r = matchWindow.run(unit);
            sample.stop(meters.timer("dispatch.window", "unit", unit.code()));
            if (r.rides() > 0) {
                count(meters, r);
                log.debug("window {}", r);
            }
        }
    }

    /**
     * Counts one window's outcome: offers placed (shared-trip insertions included), unmatched rides, rides without a
     * driver, lost races, {@code dispatch.pooling.inserted} (insertion offers placed) and
     * {@code dispatch.pooling.rejected} (POOL rides with shared-trip vehicles nearby but no feasible insertion, tagged
     * with the reason {@code wait}, {@code ride-time} or {@code seats}), all tagged with the unit.
     */
    static void count(MeterRegistry meters, WindowReport r) {
        String unit = r.unitCode();
        meters.counter("dispatch.offers.placed", "unit", unit, "solver", r.solver())
                .increment(r.offered());
        meters.counter("dispatch.rides.unmatched", "unit", unit).increment(r.unmatched());
        meters.counter("dispatch.rides.no-driver", "unit", unit).increment(r.gaveUp());
        meters.counter("dispatch.offers.lost-races", "unit", unit).increment(r.lostRaces());
        if (r.pooled() > 0) {
            meters.counter("dispatch.pooling.inserted", "unit", unit).increment(r.pooled());
        }
        r.poolRejected()
                .forEach((reason, n) -> meters.counter("dispatch.pooling.rejected", "unit", unit, "reason", reason)
                        .increment(n));
    }

    private void followUnitHomes() {
        FollowUnitHomes.Report r;
        try {
            r = followUnitHomes.refresh();
        } catch (TakeoverSourceUnavailable e) {
            // logged when it starts failing and when it works again, counted on every tick
            meters.counter("dispatch.takeover.failures").increment();
            if (!unitHomesFailing) {
                unitHomesFailing = true;
                log.warn("cannot follow the unit homes, dispatching with the last known homes: {}", e.getMessage());
            }
            return;
        }
        if (unitHomesFailing) {
            unitHomesFailing = false;
            log.info("following the unit homes works again");
        }
        if (r.adopted() > 0) {
            meters.counter("dispatch.takeover.adopted").increment(r.adopted());
        }
        if (r.released() > 0) {
            meters.counter("dispatch.takeover.released").increment(r.released());
        }
    }

    private void every(ScheduledExecutorService ex, String name, Duration period, Runnable task) {
        ex.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        meters.counter("dispatch.loop.failures", "loop", name).increment();
                        log.warn("{} loop iteration failed: {}", name, e.toString());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
