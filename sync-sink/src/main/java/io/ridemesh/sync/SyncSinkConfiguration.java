package io.ridemesh.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.hlc.JdbcHlcStore;
import io.ridemesh.sync.apply.Applies;
import io.ridemesh.sync.capture.Capture;
import java.time.Duration;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires one region's capture and apply from {@link SyncSinkProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncSinkProperties.class)
class SyncSinkConfiguration {

    @Bean
    SyncMetrics syncMetrics(MeterRegistry registry, SyncSinkProperties props) {
        return new SyncMetrics(registry, props.regionName());
    }

    @Bean
    HybridLogicalClock regionClock(DataSource dataSource, SyncSinkProperties props) {
        return HybridLogicalClock.create(
                InstantSource.system(),
                Duration.ofMillis(500),
                new JdbcHlcStore(dataSource, "sync-sink-" + props.regionName()));
    }

    @Bean(destroyMethod = "close")
    Capture capture(
            SyncSinkProperties props,
            SyncMetrics metrics,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String user,
            @Value("${spring.datasource.password}") String password) {
        return new Capture(props, url, user, password, metrics);
    }

    @Bean(destroyMethod = "close")
    Applies applies(
            SyncSinkProperties props,
            DataSource dataSource,
            HybridLogicalClock clock,
            SyncMetrics metrics,
            MeterRegistry registry) {
        Applies applies = Applies.of(props, dataSource, clock, metrics);
        // read by the gateways before a fail-back: a region takes its units back once it has caught up
        io.micrometer.core.instrument.Gauge.builder("sync.apply.backlog", applies, Applies::backlog)
                .description("records of peer regions' changes not applied here yet (-1: no fetch answered yet)")
                .tag("target", props.regionName())
                .register(registry);
        return applies;
    }

    /** Starts capture and apply after the context (and Flyway) is ready. */
    @Bean
    SmartLifecycle syncLifecycle(SyncSinkProperties props, Capture capture, Applies apply) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (props.capture().enabled()) {
                    capture.start();
                }
                if (props.apply().enabled()) {
                    apply.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    HealthIndicator captureHealth(Capture capture, SyncSinkProperties props) {
        return () -> {
            if (!props.capture().enabled()) {
                return Health.up().withDetail("enabled", false).build();
            }
            Health.Builder b =
                    switch (capture.state()) {
                        case RUNNING, STARTING -> Health.up();
                        case FAILED, STOPPED -> Health.down();
                    };
            return b.withDetail("state", capture.state())
                    .withDetail("position", capture.position())
                    .withDetail("lastError", capture.lastError())
                    .build();
        };
    }

    @Bean
    HealthIndicator applyHealth(Applies apply, SyncSinkProperties props) {
        return () -> {
            if (!props.apply().enabled()) {
                return Health.up().withDetail("enabled", false).build();
            }
            Health.Builder b =
                    switch (apply.state()) {
                        case RUNNING, RETRYING -> Health.up();
                        case FAILED, STOPPED -> Health.down();
                    };
            // a peer region's cluster that cannot be reached is not apply's failure (that region may be lost): its
            // changes wait in that cluster, and the gateways' lag readings show the gap
            return b.withDetail("state", apply.state())
                    .withDetail("sources", apply.bySource())
                    .build();
        };
    }
}
