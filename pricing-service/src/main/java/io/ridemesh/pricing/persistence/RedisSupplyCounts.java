package io.ridemesh.pricing.persistence;

import io.ridemesh.pricing.domain.SupplyCounts;
import io.ridemesh.pricing.domain.SupplyReading;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link SupplyCounts} from the region's Redis: {@code HGET supply:{unitCode}:cells {cell}}, maintained by
 * dispatch-service. A missing field means no available driver (0). When Redis fails (connection refused, timeout,
 * any Redis error) or holds a value that is not a non-negative integer, the reading is
 * {@link SupplyReading.Unavailable} and Redis is not asked again for {@code retryAfterFailure}, so a dead Redis costs
 * one timeout per period, not one per quote. {@link #status()} feeds the health indicator and metrics.
 *
 * <p>Thread-safe: state is in volatile fields and atomics; a race between two failing calls only repeats a read.
 */
public final class RedisSupplyCounts implements SupplyCounts {

    private final StringRedisTemplate redis;
    private final InstantSource clock;
    private final Duration retryAfterFailure;
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant retryAt = Instant.MIN;
    private volatile @Nullable String lastError;
    private volatile @Nullable Instant failingSince;

    public RedisSupplyCounts(StringRedisTemplate redis, InstantSource clock, Duration retryAfterFailure) {
        this.redis = redis;
        this.clock = clock;
        this.retryAfterFailure = retryAfterFailure;
    }

    /** The Redis key of a unit's supply hash. */
    public static String key(String unitCode) {
        return "supply:" + unitCode + ":cells";
    }

    @Override
    public SupplyReading availableDrivers(String unitCode, String cell) {
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return new SupplyReading.Unavailable("backing off until " + retryAt + " after: " + lastError);
        }
        Object value;
        try {
            value = redis.opsForHash().get(key(unitCode), cell);
        } catch (RuntimeException e) {
            return fail(now, "redis read failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (value == null) {
            recovered();
            return new SupplyReading.Available(0);
        }
        try {
            long drivers = Long.parseLong(value.toString().strip());
            if (drivers < 0) {
                return fail(now, "negative driver count " + drivers + " in " + key(unitCode) + " " + cell);
            }
            recovered();
            return new SupplyReading.Available(drivers);
        } catch (NumberFormatException e) {
            return fail(now, "malformed driver count '" + value + "' in " + key(unitCode) + " " + cell);
        }
    }

    /** Whether readings currently fall back, why, since when, and how many reads failed in total. */
    public SupplyStatus status() {
        Instant since = failingSince;
        return new SupplyStatus(since != null, lastError, since, failures.get());
    }

    private SupplyReading fail(Instant now, String reason) {
        failures.incrementAndGet();
        lastError = reason;
        if (failingSince == null) {
            failingSince = now;
        }
        retryAt = now.plus(retryAfterFailure);
        return new SupplyReading.Unavailable(reason);
    }

    private void recovered() {
        failingSince = null;
    }

    /**
     * Health of the supply feed.
     *
     * @param fallback true while surge falls back to 1.0
     * @param lastError the last failure, if any
     * @param failingSince first failure of the current outage, if failing
     * @param failures failed reads since start
     */
    public record SupplyStatus(
            boolean fallback,
            @Nullable String lastError,
            @Nullable Instant failingSince,
            long failures) {}
}
