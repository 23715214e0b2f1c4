package io.ridemesh.pricing.persistence;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the driver-supply feed that surge depends on. Reports {@code DEGRADED} (HTTP 200, see application.yml)
 * while Redis cannot be read and surge falls back to 1.0: quotes are still issued, so the instance must stay in
 * service, but operators see it. Thread-safe.
 */
public final class SupplyHealthIndicator implements HealthIndicator {

    /** Quotes work, surge does not. */
    public static final Status DEGRADED = new Status("DEGRADED", "surge falls back to 1.0: supply unreadable");

    private final RedisSupplyCounts supply;

    public SupplyHealthIndicator(RedisSupplyCounts supply) {
        this.supply = supply;
    }

    @Override
    public Health health() {
        RedisSupplyCounts.SupplyStatus s = supply.status();
        Health.Builder b = s.fallback() ? Health.status(DEGRADED) : Health.up();
        b.withDetail("surgeFallback", s.fallback()).withDetail("failedReads", s.failures());
        if (s.lastError() != null) {
            b.withDetail("lastError", s.lastError());
        }
        if (s.failingSince() != null) {
            b.withDetail("failingSince", s.failingSince().toString());
        }
        return b.build();
    }
}
