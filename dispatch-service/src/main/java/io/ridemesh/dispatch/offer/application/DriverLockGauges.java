package io.ridemesh.dispatch.offer.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ridemesh.dispatch.offer.domain.LockStats;
import io.ridemesh.dispatch.offer.domain.Offers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exports the driver locks as gauges: {@code dispatch.driver.locks.held} (drivers holding an offer lock) and
 * {@code dispatch.driver.locks.oldest.age} (seconds since the oldest was taken; a value far above the offer timeout
 * means offers are not being expired). One Redis read serves both gauges for a second; a failed read shows NaN.
 * Thread-safe: the cache is replaced under the instance lock.
 */
public final class DriverLockGauges implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(1);

    private final Offers offers;
    private final InstantSource clock;
    private @Nullable LockStats last;
    private Instant lastAt = Instant.MIN;

    public DriverLockGauges(Offers offers, InstantSource clock) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dispatch.driver.locks.held", this, g -> g.read(true))
                .description("drivers holding an offer lock (driver-lock:{id})")
                .register(registry);
        Gauge.builder("dispatch.driver.locks.oldest.age", this, g -> g.read(false))
                .description("age of the oldest driver lock")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized double read(boolean holders) {
        Instant now = clock.instant();
        LockStats stats = last;
        if (stats == null || now.isAfter(lastAt.plus(CACHE))) {
            try {
                stats = offers.lockStats(now);
            } catch (RuntimeException e) {
                last = null;
                return Double.NaN;
            }
            last = stats;
            lastAt = now;
        }
        return holders ? stats.holders() : stats.oldestAge().toMillis() / 1000.0;
    }
}
