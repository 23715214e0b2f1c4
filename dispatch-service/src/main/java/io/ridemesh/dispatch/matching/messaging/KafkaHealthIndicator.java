package io.ridemesh.dispatch.matching.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the ride-event feed. Reports {@code DEGRADED} (HTTP 200, see application.yml) while the brokers cannot be
 * reached: drivers can still go online, update locations and answer offers, so the instance stays in service, but new
 * ride requests are not arriving. The admin client is created on the first check, never at startup, and the answer is
 * cached for {@code cacheFor} so probes do not hammer a dead broker. Thread-safe: checks are serialised.
 */
public final class KafkaHealthIndicator implements HealthIndicator {

    /** Drivers are served, ride requests are not arriving. */
    public static final Status DEGRADED = new Status("DEGRADED", "ride events not consumed: Kafka unreachable");

    private final Map<String, Object> adminConfig;
    private final boolean enabled;
    private final InstantSource clock;
    private final Duration cacheFor;
    private @Nullable Admin admin;
    private @Nullable Health last;
    private Instant lastAt = Instant.MIN;

    public KafkaHealthIndicator(
            Map<String, Object> adminConfig, boolean enabled, InstantSource clock, Duration cacheFor) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.enabled = enabled;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
    }

    @Override
    public synchronized Health health() {
        if (!enabled) {
            return Health.up()
                    .withDetail("consumer", "disabled (dispatch.messaging.enabled=false)")
                    .build();
        }
        Instant now = clock.instant();
        Health cached = last;
        if (cached != null && now.isBefore(lastAt.plus(cacheFor))) {
            return cached;
        }
        Health h;
        try {
            if (admin == null) {
                Map<String, Object> config = new java.util.HashMap<>(adminConfig);
                config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
                config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
                config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000);
                config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 30000);
                admin = Admin.create(config);
            }
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500))
                    .nodes()
                    .get(2, TimeUnit.SECONDS)
                    .size();
            h = Health.up().withDetail("brokers", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h = Health.status(DEGRADED).withDetail("error", "interrupted").build();
        } catch (Exception e) {
            h = Health.status(DEGRADED)
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
        last = h;
        lastAt = now;
        return h;
    }

    /** Closes the admin client, if one was created. */
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
